"""The govkg command line: a thin wrapper over the public API in :mod:`graph`."""
from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from .errors import GovkgError


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    from .summary import summary_markdown

    if args.report_timeout < 0:
        print("govkg: --report-timeout takes a number of seconds (0: no limit)", file=sys.stderr)
        return 2
    result = build(args.source, args.out, jobs=args.jobs, incremental=not args.clean, view=not args.no_view,
                   manifest=args.manifest, progress=not args.quiet, follow_links=args.follow_links,
                   report_timeout=args.report_timeout or None)
    for w in result.warnings:
        print(f"govkg: {w}", file=sys.stderr)
    for f in result.failures:
        print(f"govkg: skipped {f.path}: {f.reason}", file=sys.stderr)
    if not result.ok:
        print("govkg: nothing could be built", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary_markdown(result, max_rows=40))
        if result.reused:
            print(f"{result.reused} of {len(result.parts)} reports unchanged since the last build: not extracted again")
        print(f"wrote {', '.join(str(p) for p in result.files.values())}")
    return 0


def _graph(build: Path):
    """The build's graph.ttl as an rdflib Graph; a file that does not parse is the user's to know."""
    from .outdir import open_graph

    try:
        return open_graph(build)
    except GovkgError:
        raise
    except Exception as exc:  # rdflib's parser raises several kinds
        detail = " ".join(str(exc).split())[:200]
        raise GovkgError(f"{build / 'graph.ttl'}: not readable as Turtle ({detail}); build again") from exc


def _cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    report = validate(_graph(args.build))
    if report.conforms:
        print(f"{args.build}: conforms to ontology/shapes.ttl")
        return 0
    print(report.text)
    print(f"{args.build}: {report.violations} violation(s)", file=sys.stderr)
    return 1


def _cmd_explain(args: argparse.Namespace) -> int:
    from .explain import explain_report, explain_text
    from .read import report_files

    path = Path(args.report)
    if not path.exists() and (path.suffix.lower() in (".txt", ".md") or path.is_absolute()):
        raise GovkgError(f"{args.report}: no such file")
    if not path.exists():  # a report id as the build names it (2019/0315), or just the file's stem
        files = report_files(args.source)
        matches = [p for p, rid in files if rid == args.report] or [p for p, _ in files if p.stem == args.report]
        if not matches:
            print(f"govkg: no report {args.report!r} (a file path, or a report id under {args.source})", file=sys.stderr)
            return 2
        path = matches[0]
    ex = explain_report(path, meta=_manifest_row(path))
    print(ex.report.text if args.text else explain_text(ex), end="")
    return 0


def _manifest_row(path: Path):
    """What the manifest beside a report file (manifest.csv / .json in its folder) says of it."""
    from .manifest import find_manifest, load_manifest
    from .read import report_files

    found = find_manifest(path.parent)
    if found is None:
        return None
    return load_manifest(found, path.parent, report_files(path.parent)).meta_for(path.name)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate, format_scores

    result = evaluate(_graph(args.build), args.gold, reports=args.reports)
    missing = result.get("gold_without_report")
    if missing:
        print(f"govkg: {len(missing)} of {result['reports']} gold files name no report of {args.build} "
              f"(counted as missed): {', '.join(missing)}", file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_scores(result), end="" if not args.json else "\n")
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from .query import FORMATTERS, QueryError, library, run

    if args.list or not args.query:
        for name, q in library().items():
            params = " ".join(p.usage() for p in q.params)
            print(f"{name:22} {q.title}")
            if params:
                print(f"{'':22} {params}")
        return 0
    params = {}
    for item in args.param or []:
        if "=" not in item:
            raise QueryError(f"--param takes NAME=VALUE, not {item!r}")
        k, v = item.split("=", 1)
        params[k.strip()] = v
    result = run(args.source, args.query, params, limit=args.limit)
    sys.stdout.write(FORMATTERS[args.format](result))
    if args.format == "json":
        sys.stdout.write("\n")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from .serve import Limits, make_server

    limits = Limits(timeout=args.timeout, max_rows=args.max_rows, max_memory_mb=args.max_memory)
    server = make_server(args.build, args.host, args.port, limits, verbose=args.verbose, allow_hosts=tuple(args.allow_host or ()))
    host, port = server.server_address[:2]
    print(f"govkg: serving {args.build} — query page http://{host}:{port}/ , SPARQL endpoint http://{host}:{port}/sparql "
          f"(time limit {args.timeout:g} s, at most {args.max_rows} rows and {args.max_memory} MB a query); Ctrl-C stops",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("govkg: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0


def _export_format(output: str) -> str:
    """The format an output name implies when --format is not given: its extension, or csv for
    a folder (one that exists, or a name ending in /); anything else is a question to ask."""
    from .export import FORMATS, STDOUT

    if output == STDOUT:
        raise GovkgError("-o - (standard output) needs --format (ttl, trig, nq, nt, jsonld, graphml or gexf)")
    suffix = Path(output).suffix.lstrip(".").lower()
    if suffix == "csv":
        raise GovkgError(f"{output}: csv writes a folder of five tables; give a folder name (e.g. -o tables/)")
    if suffix in FORMATS:
        return suffix
    if suffix and not Path(output).is_dir():
        raise GovkgError(f"{output}: no export format is called {suffix!r}; give --format ({', '.join(FORMATS)})")
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return "csv"
    raise GovkgError(f"{output}: cannot tell the format from the name; give --format, or end a folder's name with / for the CSV tables")


def _cmd_export(args: argparse.Namespace) -> int:
    from .export import STDOUT, TABLES, export

    if args.panel is not None:
        return _panel(args)
    fmt = args.format or _export_format(args.output)
    path = export(args.build, fmt, args.output, progress=True)
    if args.output != STDOUT:
        if fmt == "csv":
            note = "; no --format, and a folder gets the CSV tables" if not args.format else ""
            print(f"wrote {', '.join(TABLES)} into {path}{os.sep}{note}")
        else:
            print(f"wrote {path}")
    return 0


def _panel(args: argparse.Namespace) -> int:
    from .export import export_panel

    diffusion = bool(args.panel) and args.panel[0] == "diffusion"
    path = export_panel(args.build, Path(args.output), diffusion=diffusion, entities=args.panel[1:] if diffusion else args.panel,
                        min_counties=args.min_counties, scope=args.scope, fmt=args.format)
    print(f"wrote {path}")
    return 0


def _cmd_push(args: argparse.Namespace) -> int:
    import os

    from .push import push

    password = args.password if args.password is not None else os.environ.get("GOVKG_STORE_PASSWORD")
    result = push(args.build, args.store, user=args.user, password=password, progress=True)
    total = sum(n for _, n in result.graphs)
    print(f"pushed {len(result.graphs)} graphs ({total} triples) to {result.store}")
    if result.removed:
        print(f"removed {len(result.removed)} graphs an earlier push left that the build no longer has: "
              + ", ".join(result.removed))
    return 0


def _cmd_view(args: argparse.Namespace) -> int:
    import os

    from .output import output_file
    from .store import open_store
    from .views import make_view

    if str(args.build) in VIEW_KINDS and not args.build.exists():  # `govkg view map`: a kind, on out/
        args.kind, args.build = str(args.build), Path("out")
    out = args.output or Path(f"{args.kind}{'-' + args.focus if args.focus else ''}.html")
    reports = Path(args.build).resolve() / "views" / "reports"
    href = os.path.relpath(reports, out.resolve().parent).replace(os.sep, "/") + "/"
    index = os.path.relpath(Path(args.build).resolve() / "views" / "index.html", out.resolve().parent).replace(os.sep, "/")
    if out.is_dir():
        raise GovkgError(f"{out}: is a folder; give the page's file name (e.g. -o {out / 'view.html'})")
    page = make_view(open_store(args.build), args.kind, args.focus, reports_href=href, index_href=index)
    with output_file(out) as f:
        f.write(page.encode("utf-8"))
    print(f"wrote {out}")
    return 0


VIEW_KINDS = ("overview", "county", "mechanism", "agency", "report", "map")


def _cmd_stats(args: argparse.Namespace) -> int:
    from .store import open_store
    from .views import format_ranking, rank
    from .views.data import slice_for

    print(format_ranking(rank(slice_for(open_store(args.build), args.kind, args.focus), top=args.top)), end="")
    return 0


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _count(low: int):
    """An argparse type: a whole number of at least ``low``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value
    return parse


def _port(text: str) -> int:
    value = _count(0)(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="govkg", description="Chinese local-government reports → knowledge graph")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the graph of a folder of reports")
    b.add_argument("source", type=Path, help="a folder of reports: .txt/.md, .html/.htm/.mhtml, .pdf, .docx (or one file)")
    b.add_argument("-o", "--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    b.add_argument("-q", "--quiet", action="store_true", help="print neither progress nor the summary")
    b.add_argument("--manifest", type=Path, help="a CSV or JSON file of file, date, title, source, url, county "
                                                 "(default: manifest.csv or manifest.json in the source folder)")
    b.add_argument("-j", "--jobs", type=_count(1), default=1, help="worker processes for extraction (default: 1)")
    b.add_argument("--clean", action="store_true", help="extract every report again, ignoring the previous build's cache")
    b.add_argument("--no-view", action="store_true", help="skip the network views (views/ and view.html); govkg view makes any later")
    b.add_argument("--follow-links", action="store_true",
                   help="also build files that symbolic links in SOURCE lead to outside it (skipped by default)")
    b.add_argument("--report-timeout", type=float, default=120.0, metavar="SECONDS",
                   help="skip a report whose extraction takes longer than this (default: 120; 0: no limit)")
    b.set_defaults(func=_cmd_build)
    v = sub.add_parser("validate", help="check a build against the SHACL shapes")
    v.add_argument("build", type=Path, nargs="?", default=Path("out"))
    v.set_defaults(func=_cmd_validate)
    x = sub.add_parser("explain", help="print what was extracted from one report, with the sentences")
    x.add_argument("report", help="a report file, or a report id (file name without extension)")
    x.add_argument("--source", type=Path, default=Path("seeds"), help="where to look up a report id (default: seeds/)")
    x.add_argument("--text", action="store_true", help="print the text the offsets index (for a web page, PDF or "
                                                       "Word file: the text extracted from it) instead")
    x.set_defaults(func=_cmd_explain)
    ev = sub.add_parser("evaluate", help="score a build against gold annotations")
    ev.add_argument("build", type=Path, nargs="?", default=Path("out"), help="the build folder (default: out/)")
    ev.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files, one per report")
    ev.add_argument("--reports", type=Path, help="folder of the report texts, to check mention offsets")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.set_defaults(func=_cmd_evaluate)
    q = sub.add_parser("query", help="run a library query, a .rq file or SPARQL text on a build")
    q.add_argument("query", nargs="?", help="a library query name, a .rq file, or SPARQL text")
    q.add_argument("--list", action="store_true", help="list the library's queries and their parameters")
    q.add_argument("--param", "-p", action="append", metavar="NAME=VALUE", help="a query parameter (repeatable)")
    q.add_argument("--from", dest="source", type=Path, default=Path("out"), help="the build to query (default: out/)")
    q.add_argument("--format", "-f", choices=["table", "csv", "tsv", "json", "xml"], default="table")
    q.add_argument("--limit", type=_count(0), default=None, help="fail if the result has more rows than this")
    q.set_defaults(func=_cmd_query)
    sv = sub.add_parser("serve", help="serve a build over the SPARQL 1.1 Protocol, with a query page and the views")
    sv.add_argument("build", type=Path, nargs="?", default=Path("out"))
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=_port, default=7878)
    sv.add_argument("--timeout", type=_seconds, default=10.0, help="seconds a query may run (default: 10)")
    sv.add_argument("--max-rows", type=_count(1), default=10000, help="most rows a result may have (default: 10000)")
    sv.add_argument("--max-memory", type=_count(16), default=1024, metavar="MB",
                    help="memory a query may take, in MB (default: 1024); past it the query is stopped")
    sv.add_argument("--allow-host", action="append", metavar="NAME",
                    help="a host name clients may use for this server besides IP addresses and localhost (repeatable)")
    sv.add_argument("--verbose", action="store_true", help="log every request")
    sv.set_defaults(func=_cmd_serve)
    xp = sub.add_parser("export", help="export a build: RDF, Gephi networks or CSV tables")
    xp.add_argument("build", type=Path, nargs="?", default=Path("out"))
    xp.add_argument("--format", "-f", choices=["ttl", "trig", "nq", "nt", "jsonld", "graphml", "gexf", "csv", "parquet"],
                    help="default: from the output's extension; csv for an existing folder or a name ending in /")
    xp.add_argument("-o", "--output", required=True,
                    help="the file to write ('-': standard output); for csv a folder, the tables written beside its other files;"
                         " with --panel a .csv or .parquet file")
    xp.add_argument("--panel", nargs="*", metavar="diffusion ENTITY",
                    help="a county × year panel (.csv or .parquet): adoptions by county, year and item; "
                         "'--panel diffusion [ENTITY …]': the event-history panel of those items (default: all adopted in "
                         "at least --min-counties counties)")
    xp.add_argument("--min-counties", type=_count(1), default=2, help="with --panel diffusion and no ENTITY (default: 2)")
    xp.add_argument("--scope", choices=["reported", "province", "country"], default="reported",
                    help="the counties of the diffusion panel: those the reports concern (default), their provinces' or all")
    xp.set_defaults(func=_cmd_export)
    ps = sub.add_parser("push", help="load a build into a SPARQL 1.1 Graph Store (one named graph per report)")
    ps.add_argument("build", type=Path, nargs="?", default=Path("out"))
    ps.add_argument("--store", required=True, help="the Graph Store endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth")
    ps.add_argument("--user", help="user name for basic or digest authentication")
    ps.add_argument("--password", help="password (or set GOVKG_STORE_PASSWORD)")
    ps.set_defaults(func=_cmd_push)
    vw = sub.add_parser("view", help="write an interactive network page of a build")
    vw.add_argument("build", type=Path, nargs="?", default=Path("out"))
    vw.add_argument("--kind", choices=VIEW_KINDS, default="overview")
    vw.add_argument("--focus", help="the county: its name, division code or IRI (county view), report id (report view) or campaign, program or mechanism (map)")
    vw.add_argument("-o", "--output", type=Path, help="the page to write (default: KIND[-FOCUS].html)")
    vw.set_defaults(func=_cmd_view)
    st = sub.add_parser("stats", help="degree and betweenness rankings and communities of a view's network")
    st.add_argument("build", type=Path, nargs="?", default=Path("out"))
    st.add_argument("--kind", choices=["overview", "county", "mechanism", "agency", "report"], default="overview")
    st.add_argument("--focus")
    st.add_argument("--top", type=_count(1), default=10)
    st.set_defaults(func=_cmd_stats)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except GovkgError as err:
        print(f"govkg: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("govkg: interrupted; the previous build, if any, is untouched", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`govkg query … | head`): stop quietly, as a shell tool does
        _quiet_stdout()
        return 141
    except OSError as exc:  # a file or folder the user named cannot be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"govkg: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not the user's doing: one line, the traceback on request
        if os.environ.get("GOVKG_DEBUG"):
            raise
        detail = " ".join(str(exc).split())[:300]
        print(f"govkg: internal error: {type(exc).__name__}: {detail} (a bug in govkg; GOVKG_DEBUG=1 shows where)",
              file=sys.stderr)
        return 70
    finally:
        if argv is None:  # the program itself, about to end (not a caller that goes on running)
            # spare the interpreter a last garbage collection over everything the command loaded
            # (0.07 s of a one-report rebuild); exit handlers and finalisers still run
            gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
