"""`make serve`: nginx in front of two replicas, on free ports (not timed; bench/ measures).

The proxy answers and serves the frontend itself with the right cache headers; text leaves
compressed; the websocket works through it; a visitor's requests and reconnects reach the
replica that holds the session (an upload to another replica is refused by Streamlit); in
Chromium every page works and an import stays with its visitor; a replica that is killed is
replaced while the rest keeps running, and its visitor gets the view the URL holds back from
the other replica; stopping the supervisor stops everything.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect
from websockets.exceptions import ConnectionClosed

from inklusi.config import REPO
from inklusi.serving import nginx
from inklusi.site import registry
from testkit import cards
from testkit.chromium import Watch
from testkit.protocol import Session, run_apart, served_by
from testkit.servers import NEEDS_NGINX, serve_state, served

# serial: the first start of a stack writes the compressed frontend files (build/serve/frontend),
# which every stack shares; and a test here kills a replica of the session's stack.
pytestmark = [
    NEEDS_NGINX,
    pytest.mark.serial,
]
VALUES, CATALOGUE = cards.load()


def cookie_of(replica: int) -> str:
    return f"{nginx.COOKIE}=r{replica}"


def get(url: str, headers: dict | None = None):
    response = urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30)
    return response, response.read()


def shows(session: Session, year: int) -> bool:
    """The overview's cards read what data/values.csv says for IMDI in that year."""
    want = cards.expected(VALUES, CATALOGUE, "imdi", year)
    return session.exceptions() == [] and all(session.metrics().get(k) == v for k, v in want.items())


async def first_page(base: str, cookie: str, query: str = "") -> Session:
    async with Session(base, cookie) as session:
        await session.run(query)
        return session


def test_the_proxy_serves_the_page_and_the_hashed_files_itself(site):
    base, _ = site
    page, html = get(base + "/sectors?lang=en")
    assert page.status == 200 and b'<div id="root">' in html
    assert page.headers["Cache-Control"] == "no-cache"
    assert page.headers["Server"] == "nginx" and served_by(page) in {"r1", "r2"}
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', html).group(1).decode()
    asset, _ = get(f"{base}/{script}")
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert get(base + "/_stcore/health")[1] == b"ok"


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_text_leaves_compressed(site, encoding):
    if encoding == "br" and not nginx.brotli_modules(nginx.binary()):
        pytest.skip("Debian's brotli modules for nginx are not installed")
    base, _ = site
    _, html = get(base + "/")
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', html).group(1).decode()
    for path in ["/", f"/{script}", "/app/static/maps/provinces_38.geojson", "/_stcore/host-config"]:
        response, _ = get(base + path, {"Accept-Encoding": encoding})
        assert response.headers["Content-Encoding"] == encoding, path


def test_the_websocket_works_through_the_proxy(site):
    base, _ = site
    assert shows(run_apart(first_page(base, cookie_of(1), "lang=id&indicator=imdi&year=2024")), 2024)


def test_a_visitor_stays_on_the_replica_that_holds_the_session(site):
    """The websocket, the reruns and the HTTP requests of one browser reach one replica; an
    upload sent to the other replica is refused for not knowing the session."""
    base, _ = site
    health, _ = get(base + "/_stcore/health", {"Cookie": cookie_of(2)})
    assert served_by(health) == "r2"
    token = re.search(r"_streamlit_xsrf=([^;]+)", ";".join(health.headers.get_all("Set-Cookie"))).group(1)

    async def visit():
        async with Session(base, cookie_of(2)) as session:
            await session.run("lang=id&indicator=imdi&year=2025")
            assert served_by(session.socket.response) == "r2"
            for year in ("2024", "2022", "2025"):
                await session.run(widgets=[session.choose("Tahun", year)])
                assert shows(session, int(year))
            assert upload(base, session.session_id, cookie_of(2), token) == 204
            assert upload(base, session.session_id, cookie_of(1), token) == 400  # "... without sticky sessions"

    run_apart(visit())


def upload(base: str, session_id: str, cookie: str, token: str) -> int:
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\nprovince,value\r\n53,1\r\n--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        f"{base}/_stcore/upload_file/{session_id}/{uuid.uuid4().hex}",
        data=body,
        method="PUT",
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Xsrftoken": token,
            "Cookie": f"{cookie}; _streamlit_xsrf={token}",
        },
    )
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_in_chromium_every_page_works_and_an_import_stays_with_its_visitor(site, browser, build_dir, tmp_path):
    """Through the proxy: every page opens without an error; a file uploaded on the import page
    (an HTTP upload beside the websocket) is used on the next page of the same visit."""
    base, _ = site
    records = pd.read_parquet(build_dir / "mentoring.parquet").head(300).drop(columns=["synthetic"])
    records.to_csv(tmp_path / "programme.csv", index=False)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watch = Watch(page)
    for entry in registry.PAGES:
        page.goto(f"{base}/{'' if entry is registry.HOME else entry.name}?lang=en")  # the overview is the page at /
        expect(page.locator("h1").first).to_be_visible(timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0, entry.name
    assert watch.app_errors() == [] and watch.outside == []
    context.close()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watch = Watch(page)
    page.goto(f"{base}/import?lang=en")
    page.locator("input[type='file']").set_input_files(tmp_path / "programme.csv")
    page.get_by_role("button", name="Use the 300 valid rows").click()
    expect(page.get_by_text("This session uses Mentoring records from the file programme.csv")).to_be_visible(
        timeout=30_000
    )
    page.get_by_role("link", name="MSME sectors").click()
    expect(page.get_by_text("Mentoring records from the imported file")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("programme.csv (300 rows)")).to_be_visible()
    context.close()
    assert watch.app_errors() == [] and watch.outside == []


def test_a_killed_replica_is_replaced_and_its_visitor_gets_the_view_back(site):
    base, folder = site
    before = serve_state(folder)["pids"]
    victim = f"replica {serve_state(folder)['replicas'][0]}"

    async def visit_through_the_kill():
        async with Session(base, cookie_of(1)) as session:
            await session.run("lang=id&indicator=imdi&year=2024")
            assert served_by(session.socket.response) == "r1"
            os.kill(before[victim], signal.SIGKILL)
            with pytest.raises(ConnectionClosed):
                await session.run(widgets=[session.choose("Tahun", "2022")], timeout=30)
            url_view = session.query_string
        # the frontend reconnects with the same cookie and runs the view its URL holds
        async with Session(base, cookie_of(1)) as again:
            await again.run(url_view)
            assert served_by(again.socket.response) == "r2"
            assert shows(again, 2024)

    run_apart(visit_through_the_kill())
    deadline = time.monotonic() + 60
    while serve_state(folder)["pids"][victim] == before[victim]:
        assert time.monotonic() < deadline, "the killed replica was not started again"
        time.sleep(0.2)
    after = serve_state(folder)["pids"]
    assert all(after[name] == pid for name, pid in before.items() if name != victim)
    replica = "http://" + victim.split()[1]
    while time.monotonic() < deadline:
        try:
            if get(replica + "/_stcore/health")[1] == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    assert shows(run_apart(first_page(base, cookie_of(1), "lang=id&indicator=imdi&year=2022")), 2022)


def test_stopping_the_supervisor_stops_nginx_and_the_replicas():
    with served(replicas=1) as (base, folder):  # fresh: this test stops its stack
        pids = serve_state(folder)["pids"].values()
        assert get(base + "/_stcore/health")[1] == b"ok"
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in pids):
        assert time.monotonic() < deadline, "a process outlived the supervisor"
        time.sleep(0.2)


def alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def test_the_configuration_names_replicas_on_other_hosts_and_nginx_accepts_it(tmp_path):
    site = nginx.Site(
        listen="127.0.0.1:8080",
        upstreams=["127.0.0.1:8601", "10.0.0.12:8601", "10.0.0.12:8602"],
        run=tmp_path,
        frontend=tmp_path,
        maps=tmp_path,
        maps_url="/app/static/maps",
        audience=tmp_path,
        pages=["overview", "sectors"],
        brotli=nginx.brotli_modules(nginx.binary()),
    )
    text = nginx.render(site)
    assert "upstream r3 {\n        server 10.0.0.12:8602 max_fails=1" in text
    assert "server 10.0.0.12:8601 backup" in text and "@" not in text
    assert nginx.write(site).exists()


def test_a_missing_nginx_is_named_with_how_to_install_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(nginx.NginxError, match="apt-get install nginx"):
        nginx.binary()


@pytest.mark.parametrize(
    "env, said",
    [
        ({"REPLICAS": "two"}, "REPLICAS='two': a whole number from 0 to 64 is needed"),
        ({"INKLUSI_SERVE_PORT": "80.80"}, "INKLUSI_SERVE_PORT='80.80': a whole number from 1 to 65535"),
        ({"REPLICAS": "0", "INKLUSI_UPSTREAMS": ""}, "no replica to start: set REPLICAS to 1 or more"),
    ],
)
def test_a_bad_setting_is_named_in_one_line_and_nothing_starts(env, said):
    done = subprocess.run(
        [sys.executable, "-m", "inklusi", "serve"], cwd=REPO, env=os.environ | env, capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stderr.strip().startswith(said), done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
