"""A real server and a real browser: uvicorn on 127.0.0.1 in a thread, Debian's chromium.

Playwright's own browser download does not work here, so the tests drive /usr/bin/chromium
(DETENTE_CHROMIUM overrides). Without it they are skipped, unless DETENTE_REQUIRE_BROWSER=1
(CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = shutil.which(os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium")) or os.environ.get(
    "DETENTE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which(CHROMIUM)):
        return f"no chromium at {CHROMIUM} (apt-get install chromium, or set DETENTE_CHROMIUM)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing_browser()
    if reason:
        if os.environ.get("DETENTE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (DETENTE_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(sample_store_path, coder) -> Iterator[str]:
    """The dashboard over the sample store, served by uvicorn on a free port; yields its base URL."""
    import uvicorn

    from detente.web import create_app

    with socket.socket() as probe:  # the OS picks a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(sample_store_path, coder=coder), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    try:
        _wait_for_port(port, thread)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _wait_for_port(port: int, thread: threading.Thread, attempts: int = 400) -> None:
    """Poll until the server accepts connections; a server that died fails at once."""
    for _ in range(attempts):
        if not thread.is_alive():
            raise RuntimeError("the test server stopped while starting; see the log above")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.05):
                return
        except OSError:
            threading.Event().wait(0.025)  # between polls only; readiness is the connection
    raise RuntimeError(f"the test server did not answer on port {port}")


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page that may talk only to the test server; `page.offsite` lists the rest."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.offsite = []

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1:", "data:")):
            route.continue_()
        else:
            page.offsite.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
