"""Issue 15, item 13: path traversal on the static route: /views/%2e%2e%2f.cache%2fmanifest.json
(and %2E%2E%2F) returned 200, and so did a user's private_notes.json in the output folder. The
path is now decoded, must already be normal (no . or .. segments, nothing hidden, no NUL, no
link), and only view.html and the files under views/ are served."""
from __future__ import annotations

import shutil
import threading
import urllib.error
import urllib.request

import pytest

from i15 import HERE, govkg


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    from graph.serve import Limits, make_server

    tmp = tmp_path_factory.mktemp("static")
    src = tmp / "reports"
    src.mkdir()
    shutil.copy(HERE / "test_09_report.txt", src / "cili.txt")
    out = tmp / "out"
    assert govkg("build", src, "-o", out, "-q").returncode == 0
    (out / "private_notes.json").write_text('{"secret": "用户的私人笔记"}', encoding="utf-8")
    (tmp / "outside.html").write_text("<p>secret outside the build</p>", encoding="utf-8")
    (out / "views" / "linked.html").symlink_to(tmp / "outside.html")
    server = make_server(out, "127.0.0.1", 0, Limits(timeout=5.0))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.mark.parametrize("path", [
    "/views/%2e%2e%2f.cache%2fmanifest.json", "/views/%2E%2E%2F.cache%2Fmanifest.json", "/views/%2e%2e/.cache/manifest.json",
    "/views/%2e%2e%2fprivate_notes.json", "/views/%2E%2E%2Fprivate_notes.json", "/private_notes.json",
    "/views/./index.html", "/views//index.html", "/views/%2fetc%2fpasswd", "/views/..%5cprivate_notes.json",
    "/views/%00.html", "/views/index.html%00.json", "/views/linked.html", "/.cache/manifest.json", "/summary.md",
    "/views/%ff.html", "/store/CURRENT",
])
def test_item13_nothing_but_the_views_is_served(endpoint, path):
    status, body = _get(endpoint + path)
    assert status == 404, (path, body[:200])
    assert b"secret" not in body and "私人".encode() not in body


def test_item13_the_views_are_still_served(endpoint):
    assert _get(endpoint + "/views/index.html")[0] == 200
    assert _get(endpoint + "/view.html")[0] == 200
    status, body = _get(endpoint + "/views/reports/cili.html")
    assert status == 200 and "慈利县".encode() in body
    assert _get(endpoint + "/views/vis-network.min.js")[0] == 200
