"""The README's figures, produced by running its example commands on a fresh build of the seeds.

    python scripts/readme_figures.py --check     # exit 1, with a diff, if README.md differs
    python scripts/readme_figures.py --write     # rewrite README.md's figures

Every code block of README.md that follows a ``<!-- figures: KIND -->`` line is made here:

- ``sparql rows=N``: the rows of the SPARQL query in the ```sparql block just above (its first
  N rows, then ``…  (M rows)`` when there are more; all without ``rows=``), columns aligned for
  Chinese characters;
- ``commands``: ``$ govkg …`` lines, each followed by what it prints (run in a folder where
  ``out/`` is the build; lines longer than 120 characters are folded at ``, `` for reading);
- ``curl``: the CSV the ``curl`` query in the block gets from ``govkg serve`` (the same query
  run on the build, as CSV);
- ``exports``: the export commands, and what ``head -3`` of the CSV table named shows;
- ``push``: what ``govkg push`` prints: the graphs and triples it would send.

Extraction changes move these figures: after a change, ``--write`` and review the diff.
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEEDS = ROOT / "seeds"
COMMAND = "python scripts/readme_figures.py --write"
MARK = re.compile(r"^<!-- figures: (\w+)(?: rows=(\d+))? -->\n```[^\n]*\n(.*?)^```\n", re.M | re.S)
FOLD = 120


def govkg(args: list[str], cwd: Path) -> str:
    """What ``govkg ARGS`` prints, run in ``cwd`` (in this process: the CLI wraps the API)."""
    from graph.cli import main

    out = io.StringIO()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(args)
    finally:
        os.chdir(here)
    if code:
        raise RuntimeError(f"govkg {' '.join(args)} failed with exit {code}")
    return out.getvalue()


def fold(line: str) -> list[str]:
    """A long line cut after ", " into lines of at most FOLD characters, the rest indented by one."""
    if len(line) <= FOLD:
        return [line]
    out, cur = [], ""
    for piece in re.split(r"(?<=, )", line):
        if cur and len(cur) + len(piece) > FOLD:
            out.append(cur.rstrip())
            cur = " "
        cur += piece
    return out + [cur.rstrip()]


def _rows(build: Path, query: str, shown: int) -> str:
    from graph.query import _width, run

    res = run(build, query)
    cells = [["" if t is None else str(t) for t in row] for row in res.rows[:shown]]
    widths = [max([0] + [_width(r[i]) for r in cells]) for i in range(len(res.vars))]
    lines = [" | ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip() for r in cells]
    if len(res.rows) > shown:
        lines.append(f"…  ({len(res.rows)} rows)")
    return "\n".join(lines) + "\n"


def _commands(block: str, work: Path) -> str:
    out = []
    for line in block.splitlines():
        if not line.startswith("$ "):
            continue
        if out:
            out.append("")
        out.append(line)
        words = line[2:].split()
        if words[0] != "govkg":
            raise ValueError(f"not a govkg command: {line}")
        for printed in govkg(words[1:], work).rstrip("\n").split("\n"):
            out.extend(fold(printed))
    return "\n".join(out) + "\n"


def _curl(block: str, build: Path) -> str:
    from graph.query import format_delimited, run

    head, sep, _ = block.partition("/sparql\n")
    query = re.search(r"query=(.*?)' http", head + sep, re.S).group(1)
    csv = format_delimited(run(build, query), ",").replace("\r\n", "\n")
    return head + sep + csv


def _exports(block: str, work: Path) -> str:
    lines, out = block.splitlines(), []
    for line in lines:
        if not line.startswith("$ "):
            continue
        out.append(line)
        cmd = line[2:].split("#")[0].split()
        if cmd[0] == "govkg":
            govkg(cmd[1:], work)
        elif cmd[0] == "head":
            n, path = int(cmd[1].lstrip("-")), work / cmd[2]
            out.extend(path.read_text(encoding="utf-8-sig").splitlines()[:n])
    return "\n".join(out) + "\n"


def _push(block: str, build: Path) -> str:
    from graph.push import graphs_of

    command = next(line for line in block.splitlines() if line.startswith("$ govkg push"))
    store = command.split("--store ")[1].split()[0]
    graphs = graphs_of(build)
    return f"{command}\npushed {len(graphs)} graphs ({sum(n for *_, n in graphs)} triples) to {store}\n"


def render(readme: str, build: Path) -> str:
    """``readme`` with every figures block made again from ``build`` (a build of the seeds)."""
    with tempfile.TemporaryDirectory(prefix="govkg-readme-") as tmp:
        work = Path(tmp)
        (work / "out").symlink_to(Path(build).resolve(), target_is_directory=True)

        def block(m: re.Match) -> str:
            kind, rows, body = m.group(1), m.group(2), m.group(3)
            if kind == "sparql":
                fences = re.findall(r"```sparql\n(.*?)```", readme[:m.start()], re.S)
                made = _rows(build, fences[-1], int(rows or 10 ** 9))
            elif kind == "commands":
                made = _commands(body, work)
            elif kind == "curl":
                made = _curl(body, build)
            elif kind == "exports":
                made = _exports(body, work)
            elif kind == "push":
                made = _push(body, build)
            else:
                raise ValueError(f"unknown figures block {kind!r}")
            opening = m.group(0).split("\n", 2)
            return f"{opening[0]}\n{opening[1]}\n{made}```\n"

        return MARK.sub(block, readme)


def difference(build: Path, readme: Path = README) -> str:
    """The unified diff between README.md and what its commands give ("" when they agree)."""
    text = readme.read_text(encoding="utf-8")
    made = render(text, build)
    return "".join(difflib.unified_diff(text.splitlines(True), made.splitlines(True), "README.md", "as the commands give"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="exit 1 and print the difference if README.md is out of date")
    mode.add_argument("--write", action="store_true", help="rewrite README.md's figures")
    ap.add_argument("--build", type=Path, help="a build of seeds/ to read (default: a fresh one, made here)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="govkg-seeds-") as tmp:
        build = args.build
        if build is None:
            from graph import build as make

            build = Path(tmp) / "out"
            make(SEEDS, build, view=False, incremental=False)
        if args.check:
            diff = difference(build)
            sys.stdout.write(diff or "README.md figures agree with the commands\n")
            return 1 if diff else 0
        text = README.read_text(encoding="utf-8")
        made = render(text, build)
        if made != text:
            README.write_text(made, encoding="utf-8")
            print("README.md figures rewritten: review the diff")
        else:
            print("README.md figures agree with the commands")
    return 0


if __name__ == "__main__":
    sys.exit(main())
