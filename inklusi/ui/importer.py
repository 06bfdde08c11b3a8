"""Impor Data / Import data: a programme file or an indicator table, checked row by row; the
valid rows become this session's data, the built-in data stays as it is."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import streamlit as st

from inklusi import config, db, imports
from inklusi.i18n import literal, number, t
from inklusi.ui import data, page
from inklusi.ui.page import lang

KINDS = ("mentoring", "indicators")


def folder_files() -> list[Path]:
    """Files a deployment offers in INKLUSI_DATA_DIR (CSV, Excel, Parquet)."""
    folder = os.environ.get("INKLUSI_DATA_DIR")
    if not folder or not Path(folder).is_dir():
        return []
    return sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in (".csv", ".xlsx", ".xls", ".parquet"))


def render() -> None:
    L = lang()
    st.title(t("import.title", L))
    page.show_url_notes({"lang": t("field.lang", L)})
    st.markdown(t("import.lead", L, limit=imports.MAX_BYTES // 1024 // 1024))
    active()
    kind = st.segmented_control(t("import.kind", L), KINDS, key="import.kind", required=True, default="mentoring",
                                format_func=lambda k: t(f"import.kind_{k}", L))
    st.caption(t(f"import.schema_{kind}", L))
    templates(kind, L)
    content, name = choose_file(L)
    if content is None:
        return
    sheet = None
    if name.lower().endswith((".xlsx", ".xls")):
        try:
            names = imports.sheets(content)
        except imports.ReadError as error:
            st.error(error.text(L), icon=":material/error:")
            return
        if len(names) > 1:
            sheet = st.selectbox(t("import.sheet", L), names, key="import.sheet")
    try:
        result = check(content, name, kind, sheet)
    except imports.ReadError as error:
        st.error(error.text(L), icon=":material/error:")
        return
    report(result, L)
    if not result.accepted.empty:
        st.button(t("import.use", L, n=number(len(result.accepted), L, 0)), type="primary", icon=":material/check:",
                  on_click=use, args=(content, name, kind, sheet), key="import.use")


def active() -> None:
    chosen = st.session_state.get(data.DATASET)
    if not chosen:
        return
    L = lang()
    st.success(t("import.active", L, name=literal(chosen["name"]), rows=number(chosen["rows"], L, 0),
                 kind=t(f"import.kind_{chosen['kind']}", L)), icon=":material/upload_file:")
    st.button(t("import.back", L), icon=":material/restart_alt:", on_click=lambda: st.session_state.pop(data.DATASET),
              key="import.back")


def templates(kind: str, L: str) -> None:
    columns = st.columns(2)
    for column, fmt in zip(columns, ("csv", "xlsx")):
        column.download_button(t(f"import.template_{fmt}", L), data=imports.template(kind, fmt),
                               file_name=f"inklusi-template-{kind}.{fmt}", on_click="ignore",
                               icon=":material/description:", key=f"import.template.{fmt}")


def choose_file(L: str) -> tuple[bytes | None, str]:
    # No `type=`: Streamlit would refuse another suffix with an English message (or, from a
    # client that skips that check, an exception); imports.read says it in the user's language.
    upload = st.file_uploader(t("import.upload", L), key="import.file")
    if upload is not None:
        return upload.getvalue(), upload.name
    offered = folder_files()
    if offered:
        pick = st.selectbox(t("import.folder", L), [""] + [p.name for p in offered], key="import.folder",
                            format_func=lambda v: v or t("import.folder_none", L))
        if pick:
            return (Path(os.environ["INKLUSI_DATA_DIR"]) / pick).read_bytes(), pick
    return None, ""


@st.cache_data(show_spinner=False, max_entries=50)
def check(content: bytes, name: str, kind: str, sheet: str | None) -> imports.Result:
    frame = imports.read(content, name, sheet)
    known = set(data.query_in(data.BUILTIN, "indicator_catalogue")["id"]) if kind == "indicators" else set()
    return imports.validate(frame, kind, name, known)


def report(result: imports.Result, L: str) -> None:
    cards = st.columns(3)
    cards[0].metric(t("import.read", L), number(result.rows, L, 0), border=True)
    cards[1].metric(t("import.accepted", L), number(len(result.accepted), L, 0), border=True)
    cards[2].metric(t("import.held_back", L), number(result.held_back, L, 0), border=True)
    table = result.report(L)
    if table.empty:
        st.success(t("import.all_valid", L), icon=":material/task_alt:")
        return
    shown = table.astype(object).where(table.notna(), "—")
    st.dataframe(shown.rename(columns={c: t(f"import.col_{c}", L) for c in table.columns}), hide_index=True,
                 width="stretch", height=min(420, 38 + 35 * len(table)))
    buffer = io.BytesIO()
    table.to_excel(buffer, index=False, sheet_name="report", engine="xlsxwriter")
    columns = st.columns(2)
    columns[0].download_button(t("import.report_csv", L), data=table.to_csv(index=False).encode("utf-8-sig"),
                               file_name=f"{result.name}-report.csv", on_click="ignore", key="import.report.csv")
    columns[1].download_button(t("import.report_xlsx", L), data=buffer.getvalue(),
                               file_name=f"{result.name}-report.xlsx", on_click="ignore", key="import.report.xlsx")


def use(content: bytes, name: str, kind: str, sheet: str | None) -> None:
    """Make the valid rows this session's data (the built-in files are only read)."""
    result = check(content, name, kind, sheet)
    key = f"{kind}:{hashlib.sha256(content).hexdigest()[:16]}:{sheet or ''}"
    if kind == "mentoring":
        tables = {"replace": {"mentoring": imports.mentoring_table(result.accepted)}}
    else:
        values, indicators, sources = imports.indicator_tables(result.accepted, name)
        tables = {"extend": {"indicator_values": values, "indicators": indicators, "sources": sources}}
    data.register(key, lambda: db.open_database(config.build_dir(), **tables))
    st.session_state[data.DATASET] = {"key": key, "kind": kind, "name": name, "rows": len(result.accepted)}

