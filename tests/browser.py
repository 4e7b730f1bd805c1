"""Open pages in Debian's headless Chromium (driven by Playwright) with the network cut off:
every request that is not a local file is refused and recorded."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND"]


def available() -> bool:
    return os.path.exists(CHROMIUM)


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def open_page(b, url: str, *, wait_ready: bool = True, timeout_ms: int = 30000):
    """(page, log): the page loaded from ``url`` with everything it tried recorded."""
    log = PageLog()
    # the pages forbid eval; Playwright's waiting helpers need it (escaping, not CSP, keeps text inert)
    ctx = b.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)

    def route(r):
        if r.request.url.startswith(("file://", "data:", "about:")):
            return r.continue_()
        log.outside_requests.append(r.request.url)
        return r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: log.failed_requests.append(r.url))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    if wait_ready:
        page.wait_for_function("window.govkgReady === true", timeout=timeout_ms)
    return page, log
