"""The benchmark (`make bench`). Its measurements call the app's cached functions outside a
Streamlit script run, where Streamlit warns "missing ScriptRunContext" on every call; that
warning says nothing here, so it is filtered out and the table is what a reader sees."""

import logging


class _BareMode(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_BareMode())
