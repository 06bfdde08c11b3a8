"""Impor Data / Import data: a programme file or an indicator table, checked row by row; the
valid rows become this session's data, the built-in data stays as it is."""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from inklusi import config, imports
from inklusi.i18n import literal, number, t
from inklusi.store import db
from inklusi.ui import data, furniture
from inklusi.ui.furniture import current_lang

KINDS = ("mentoring", "indicators")
CODE_LISTS = ("", "kemendagri", "bps")


def folder_files() -> list[Path]:
    """Files a deployment offers in INKLUSI_DATA_DIR (CSV, text, Excel, Parquet)."""
    folder = config.data_dir()
    if folder is None:
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".parquet")
    )


def render() -> None:
    lang = current_lang()
    st.title(t("import.title", lang))
    furniture.show_url_notes()
    st.markdown(t("import.lead", lang, limit=imports.MAX_BYTES // 1024 // 1024))
    active(lang)
    kind = st.segmented_control(
        t("import.kind", lang),
        KINDS,
        key="import.kind",
        required=True,
        default="mentoring",
        format_func=lambda k: t(f"import.kind_{k}", lang),
    )
    st.caption(t(f"import.schema_{kind}", lang))
    templates(kind, lang)
    codes = st.segmented_control(
        t("import.codes", lang),
        CODE_LISTS,
        key="import.codes",
        required=True,
        default="",
        format_func=lambda c: t(f"import.codes_{c or 'unstated'}", lang),
        help=t("import.codes_help", lang),
    )
    content, name = choose_file(lang)
    if content is None:
        return
    sheet = None
    if name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        try:
            names = imports.sheets(content)
        except imports.ReadError as error:
            st.error(error.text(lang), icon=":material/error:")
            return
        if len(names) > 1:
            sheet = st.selectbox(t("import.sheet", lang), names, key="import.sheet")
    try:
        result = check(content, name, kind, sheet, codes)
    except imports.ReadError as error:
        st.error(error.text(lang), icon=":material/error:")
        return
    report(result, lang)
    if not result.accepted.empty:
        st.button(
            t("import.use", lang, n=number(len(result.accepted), lang, 0)),
            type="primary",
            icon=":material/check:",
            on_click=use,
            args=(content, name, kind, sheet, codes),
            key="import.use",
        )


def active(lang: str) -> None:
    if message := st.session_state.pop("import.refused", None):
        st.error(message, icon=":material/memory:")
    chosen = st.session_state.get(data.DATASET)
    if not chosen:
        return
    st.success(
        t(
            "import.active",
            lang,
            name=literal(chosen.name),
            rows=number(chosen.rows, lang, 0),
            kind=t(f"import.kind_{chosen.kind}", lang),
        ),
        icon=":material/upload_file:",
    )
    st.button(t("import.back", lang), icon=":material/restart_alt:", on_click=data.drop_import, key="import.back")


def templates(kind: str, lang: str) -> None:
    columns = st.columns(2)
    for column, fmt in zip(columns, ("csv", "xlsx"), strict=True):
        column.download_button(
            t(f"import.template_{fmt}", lang),
            data=imports.template(kind, fmt),
            file_name=f"inklusi-template-{kind}.{fmt}",
            on_click="ignore",
            icon=":material/description:",
            key=f"import.template.{fmt}",
        )


def choose_file(lang: str) -> tuple[bytes | None, str]:
    # No `type=`: Streamlit would refuse another suffix with an English message (or, from a
    # client that skips that check, an exception); imports.read says it in the user's language.
    # the box's limit is the page's own, whatever the server allows (a setting can raise that)
    upload = st.file_uploader(t("import.upload", lang), key="import.file", max_upload_size=config.upload_megabytes())
    if upload is not None:
        return upload.getvalue(), upload.name
    offered = folder_files()
    if offered:
        pick = st.selectbox(
            t("import.folder", lang),
            [""] + [p.name for p in offered],
            key="import.folder",
            format_func=lambda v: v or t("import.folder_none", lang),
        )
        if pick:
            return (config.data_dir() / pick).read_bytes(), pick
    return None, ""


@st.cache_data(show_spinner=False, max_entries=50)
def check(content: bytes, name: str, kind: str, sheet: str | None, codes: str) -> imports.Result:
    table = imports.read(content, name, sheet)
    known = set(data.query_in(data.BUILTIN, "indicator_catalogue")["id"]) if kind == "indicators" else set()
    return imports.validate(table, kind, name, known, codes=codes)


def report(result: imports.Result, lang: str) -> None:
    cards = st.columns(3)
    cards[0].metric(t("import.read", lang), number(result.rows, lang, 0), border=True)
    cards[1].metric(t("import.accepted", lang), number(len(result.accepted), lang, 0), border=True)
    cards[2].metric(t("import.held_back", lang), number(result.held_back, lang, 0), border=True)
    if result.held_back == 0:
        st.success(t("import.all_valid", lang), icon=":material/task_alt:")
    if not result.problems:
        return
    table = result.report(lang)
    if result.held_back == 0:
        st.markdown(t("import.notices", lang))
    else:
        reasons(result, lang)
    shown = table.assign(row=table["row"].astype("string").fillna("—"))  # one type per column, for Arrow
    st.dataframe(
        shown.rename(columns={c: t(f"import.col_{c}", lang) for c in table.columns}),
        hide_index=True,
        width="stretch",
        height=min(420, 38 + 35 * len(table)),
    )
    columns = st.columns(2)
    columns[0].download_button(
        t("import.report_csv", lang),
        data=imports.report_csv(result, lang),
        file_name=f"{result.name}-report.csv",
        on_click="ignore",
        key="import.report.csv",
    )
    columns[1].download_button(
        t("import.report_xlsx", lang),
        data=imports.report_xlsx(result, lang),
        file_name=f"{result.name}-report.xlsx",
        on_click="ignore",
        key="import.report.xlsx",
    )


def reasons(result: imports.Result, lang: str) -> None:
    """The reasons rows are held back as text on the page (a screen reader and the browser's
    search find them; the grid below draws on a canvas): one block per kind of reason, its first
    rows with their numbers."""
    st.markdown(t("import.reasons", lang))
    for (_, column), problems in imports.reason_groups(result).items():
        rows = {p.row for p in problems if p.row is not None}
        kind = "file" if not rows else "column" if column else "row"
        lines = [f"**{t(f'import.group_{kind}', lang, column=literal(column), n=number(len(rows), lang, 0))}**", ""]
        for problem in problems[: imports.SHOWN_REASONS]:
            text = literal(problem.text(lang))
            lines.append(
                f"- {text if problem.row is None else t('import.row_reason', lang, row=problem.row, text=text)}"
            )
        if len(rows) > imports.SHOWN_REASONS:
            lines.append(f"- {t('import.more_rows', lang, n=number(len(rows) - imports.SHOWN_REASONS, lang, 0))}")
        st.markdown("\n".join(lines))


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
        st.session_state["import.refused"] = t(
            "import.server_full", current_lang(), limit=number(config.import_memory_bytes() / 2**20, current_lang(), 0)
        )
