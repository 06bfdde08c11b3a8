"""The benchmark (`make bench`). Its measurements call the app's cached functions and session
state outside a Streamlit script run, where Streamlit warns ("missing ScriptRunContext" on every
call, "Session state does not function" once); those warnings say nothing here, so they are
filtered out and the table is what a reader sees."""

import logging

BARE_MODE = ("missing ScriptRunContext", "Session state does not function")


class _BareMode(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not any(text in record.getMessage() for text in BARE_MODE)


for _name in ("streamlit.runtime.scriptrunner_utils.script_run_context", "streamlit.runtime.state.session_state_proxy"):
    logging.getLogger(_name).addFilter(_BareMode())
