"""The govkg command line: a thin wrapper over the public API in :mod:`graph`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import GovkgError


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    from .summary import summary_markdown

    result = build(args.source, args.out)
    for f in result.failures:
        print(f"govkg: skipped {f.path}: {f.reason}", file=sys.stderr)
    if not result.ok:
        print("govkg: nothing could be built", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary_markdown(result))
        print(f"wrote {', '.join(str(p) for p in result.files.values())}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .store import open_graph
    from .validate import validate

    report = validate(open_graph(args.build))
    if report.conforms:
        print(f"{args.build}: conforms to ontology/shapes.ttl")
        return 0
    print(report.text)
    print(f"{args.build}: {report.violations} violation(s)", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="govkg", description="Chinese local-government reports → knowledge graph")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the graph of a folder of reports")
    b.add_argument("source", type=Path, help="a folder of .txt/.md reports (or one file)")
    b.add_argument("-o", "--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    b.add_argument("-q", "--quiet", action="store_true", help="do not print the summary")
    b.set_defaults(func=_cmd_build)
    v = sub.add_parser("validate", help="check a build against the SHACL shapes")
    v.add_argument("build", type=Path, nargs="?", default=Path("out"))
    v.set_defaults(func=_cmd_validate)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except GovkgError as err:
        print(f"govkg: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("govkg: interrupted; the previous build, if any, is untouched", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
