"""Issue 15, item 16: `push` left a report removed from the corpus in the remote store, and a
failure part-way left new graphs mixed with old without a word. Push now deletes the graphs an
earlier push put there that the build no longer has (only under the build's graph namespace;
the store keeps a record of what govkg put in it), and a failure says which graphs were written.
Fixture: a minimal Graph Store (PUT, GET, DELETE of named graphs) on loopback, below."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from i15 import govkg

REPORTS = {"a": "慈利县公安局开展“净网2021”专项行动。\n", "b": "攸县法院建立“诉调对接”工作机制。\n",
           "c": "平江县推进“雪亮工程”建设。\n"}
REPORT_GRAPH = "https://w3id.org/govkg/id/graph/report/"


class GraphStore(ThreadingHTTPServer):
    """Named graphs in a dict; ``fail_at``: the number of the PUT that gets an HTTP 500."""

    def __init__(self):
        self.graphs: dict[str, bytes] = {}
        self.puts = 0
        self.fail_at: int | None = None
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _graph(self) -> str:
        return parse_qs(urlsplit(self.path).query)["graph"][0]

    def _reply(self, code: int, body: bytes = b"") -> None:
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self):
        self.server.puts += 1
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.server.puts == self.server.fail_at:
            return self._reply(500, b"disk full")
        self.server.graphs[self._graph()] = body
        self._reply(201)

    def do_GET(self):
        g = self.server.graphs.get(self._graph())
        self._reply(404) if g is None else self._reply(200, g)

    def do_DELETE(self):
        self._reply(204 if self.server.graphs.pop(self._graph(), None) is not None else 404)


@pytest.fixture()
def store():
    s = GraphStore()
    threading.Thread(target=s.serve_forever, daemon=True).start()
    yield s
    s.shutdown()
    s.server_close()


def _build(tmp_path, names):
    src = tmp_path / "reports"
    src.mkdir(exist_ok=True)
    for p in src.iterdir():
        p.unlink()
    for n in names:
        (src / f"{n}.txt").write_text(REPORTS.get(n, "湘潭县开展“护校安园”专项行动。\n"), encoding="utf-8")
    out = tmp_path / "out"
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    return out


def _reports(store) -> set[str]:
    return {g[len(REPORT_GRAPH):] for g in store.graphs if g.startswith(REPORT_GRAPH)}


def test_item16_push_removes_graphs_the_build_no_longer_has(tmp_path, store):
    from graph.push import push

    url = f"http://127.0.0.1:{store.server_address[1]}/store"
    store.graphs["http://example.org/my-own-graph"] = b"<urn:x> <urn:y> <urn:z> ."  # not govkg's: never touched
    push(_build(tmp_path, "abc"), url)
    assert _reports(store) == {"a", "b", "c"}
    result = push(_build(tmp_path, "ab"), url)  # report c left the corpus
    assert _reports(store) == {"a", "b"} and result.removed == [REPORT_GRAPH + "c"]
    assert "http://example.org/my-own-graph" in store.graphs
    run = govkg("push", _build(tmp_path, "a"), "--store", url)
    assert run.returncode == 0 and "removed 1 graphs" in run.stdout and REPORT_GRAPH + "b" in run.stdout
    assert _reports(store) == {"a"}


def test_item16_a_failure_part_way_says_which_graphs_were_written(tmp_path, store):
    from graph.push import PushError, push

    url = f"http://127.0.0.1:{store.server_address[1]}/store"
    push(_build(tmp_path, "ab"), url)
    out = _build(tmp_path, "abcd")
    store.fail_at = store.puts + 3  # the record, one graph, then the store fails
    with pytest.raises(PushError) as err:
        push(out, url)
    assert len(err.value.written) == 1 and "1 of 6 graphs were written" in str(err.value)  # 4 reports, entities, places
    assert err.value.written[0] in str(err.value) and "push again" in str(err.value)
    store.fail_at = store.puts + 3
    run = govkg("push", out, "--store", url)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "graphs were written before it" in run.stderr
    store.fail_at = None
    push(_build(tmp_path, "ad"), url)  # the next push finishes, and b and c (no longer built) go
    assert _reports(store) == {"a", "d"}
