"""Impor Data / Import data: a programme file or an indicator table, checked row by row; the
valid rows become this session's data, the built-in data stays as it is."""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from inklusi import config, db, imports
from inklusi.i18n import literal, number, t
from inklusi.ui import data, page
from inklusi.ui.page import lang

KINDS = ("mentoring", "indicators")
CODE_LISTS = ("", "kemendagri", "bps")


def folder_files() -> list[Path]:
    """Files a deployment offers in INKLUSI_DATA_DIR (CSV, text, Excel, Parquet)."""
    folder = config.data_dir()
    if folder is None:
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".parquet"))


def render() -> None:
    L = lang()
    st.title(t("import.title", L))
    page.show_url_notes()
    st.markdown(t("import.lead", L, limit=imports.MAX_BYTES // 1024 // 1024))
    active(L)
    kind = st.segmented_control(t("import.kind", L), KINDS, key="import.kind", required=True, default="mentoring",
                                format_func=lambda k: t(f"import.kind_{k}", L))
    st.caption(t(f"import.schema_{kind}", L))
    templates(kind, L)
    codes = st.segmented_control(t("import.codes", L), CODE_LISTS, key="import.codes", required=True, default="",
                                 format_func=lambda c: t(f"import.codes_{c or 'unstated'}", L),
                                 help=t("import.codes_help", L))
    content, name = choose_file(L)
    if content is None:
        return
    sheet = None
    if name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        try:
            names = imports.sheets(content)
        except imports.ReadError as error:
            st.error(error.text(L), icon=":material/error:")
            return
        if len(names) > 1:
            sheet = st.selectbox(t("import.sheet", L), names, key="import.sheet")
    try:
        result = check(content, name, kind, sheet, codes)
    except imports.ReadError as error:
        st.error(error.text(L), icon=":material/error:")
        return
    report(result, L)
    if not result.accepted.empty:
        st.button(t("import.use", L, n=number(len(result.accepted), L, 0)), type="primary", icon=":material/check:",
                  on_click=use, args=(content, name, kind, sheet, codes), key="import.use")


def active(L: str) -> None:
    if message := st.session_state.pop("import.refused", None):
        st.error(message, icon=":material/memory:")
    chosen = st.session_state.get(data.DATASET)
    if not chosen:
        return
    st.success(t("import.active", L, name=literal(chosen.name), rows=number(chosen.rows, L, 0),
                 kind=t(f"import.kind_{chosen.kind}", L)), icon=":material/upload_file:")
    st.button(t("import.back", L), icon=":material/restart_alt:", on_click=data.drop_import, key="import.back")


def templates(kind: str, L: str) -> None:
    columns = st.columns(2)
    for column, fmt in zip(columns, ("csv", "xlsx"), strict=True):
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
            return (config.data_dir() / pick).read_bytes(), pick
    return None, ""


@st.cache_data(show_spinner=False, max_entries=50)
def check(content: bytes, name: str, kind: str, sheet: str | None, codes: str) -> imports.Result:
    table = imports.read(content, name, sheet)
    known = set(data.query_in(data.BUILTIN, "indicator_catalogue")["id"]) if kind == "indicators" else set()
    return imports.validate(table, kind, name, known, codes=codes)


def report(result: imports.Result, L: str) -> None:
    cards = st.columns(3)
    cards[0].metric(t("import.read", L), number(result.rows, L, 0), border=True)
    cards[1].metric(t("import.accepted", L), number(len(result.accepted), L, 0), border=True)
    cards[2].metric(t("import.held_back", L), number(result.held_back, L, 0), border=True)
    if result.held_back == 0:
        st.success(t("import.all_valid", L), icon=":material/task_alt:")
    if not result.problems:
        return
    table = result.report(L)
    if result.held_back == 0:
        st.markdown(t("import.notices", L))
    shown = table.assign(row=table["row"].astype("string").fillna("—"))  # one type per column, for Arrow
    st.dataframe(shown.rename(columns={c: t(f"import.col_{c}", L) for c in table.columns}), hide_index=True,
                 width="stretch", height=min(420, 38 + 35 * len(table)))
    columns = st.columns(2)
    columns[0].download_button(t("import.report_csv", L), data=imports.report_csv(result, L),
                               file_name=f"{result.name}-report.csv", on_click="ignore", key="import.report.csv")
    columns[1].download_button(t("import.report_xlsx", L), data=imports.report_xlsx(result, L),
                               file_name=f"{result.name}-report.xlsx", on_click="ignore", key="import.report.xlsx")


def use(content: bytes, name: str, kind: str, sheet: str | None, codes: str) -> None:
    """Make the valid rows this session's data (the built-in files are only read)."""
    result = check(content, name, kind, sheet, codes)
    key = f"{kind}:{hashlib.sha256(content).hexdigest()[:16]}:{sheet or ''}:{codes}"
    if kind == "mentoring":
        tables = {"replace": {"mentoring": imports.mentoring_table(result.accepted)}}
    else:
        values, indicators, sources = imports.indicator_tables(result.accepted, name)
        tables = {"extend": {"indicator_values": values, "indicators": indicators, "sources": sources}}
    try:
        data.use_import(key, kind, name, len(result.accepted), lambda: db.open_database(config.build_dir(), **tables))
    except data.ServerFull:
        st.session_state["import.refused"] = t("import.server_full", lang(),
                                               limit=number(config.import_memory_bytes() / 2**20, lang(), 0))
