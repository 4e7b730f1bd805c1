"""The manifest: what a researcher knows of each report file — where and when it came from.

An optional CSV or JSON file beside the reports (``manifest.csv``, ``manifest.json`` in the
source folder) or given with ``--manifest FILE``, with any of the columns

    file, date, title, source, url, county        (or 文件, 日期, 标题, 来源, 网址, 县)

``file`` names a report file by its path under the source folder (``2019/0315.html``), its bare
name when that is unique, or its report id. ``date`` is YYYY-MM-DD (or 2021年5月18日, 2021/5/18),
YYYY-MM or YYYY (a partial date gives the year to a dateline such as 5月18日); ``county`` a
county-level unit's name (慈利县) or 6- or 12-digit division code, for reports whose text does not
name it. What a row gives wins over what is read from the file; empty cells give nothing.

A CSV may be UTF-8 (with or without the BOM Excel writes) or GB18030 (Excel's Chinese CSV); a
JSON manifest is a list of objects (or ``{"reports": [...]}``). Problems — an unknown file, a
bad date, an unknown county — are reported with the line number, and the build goes on
without that value.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import ReportMeta

NAMES = ("manifest.csv", "manifest.json")
COLUMNS = ("file", "date", "title", "source", "url", "county")
_ALIASES = {"文件": "file", "文件名": "file", "日期": "date", "发布日期": "date", "标题": "title", "来源": "source",
            "网址": "url", "链接": "url", "县": "county", "县区": "county", "path": "file", "filename": "file"}


@dataclass
class Manifest:
    """Rows by report file (its path under the source folder), and the problems found."""

    path: Path | None = None
    rows: dict[str, ReportMeta] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def meta_for(self, rel: str) -> ReportMeta | None:
        return self.rows.get(rel)


def find_manifest(source: str | Path) -> Path | None:
    """The manifest in the source folder, if it has one."""
    src = Path(source)
    if not src.is_dir():
        return None
    for name in NAMES:
        if (src / name).is_file():
            return src / name
    return None


def _records(path: Path) -> list[tuple[int, dict]]:
    """(line number, row) of every row of a CSV or JSON manifest."""
    data = path.read_bytes()
    if path.suffix.lower() == ".json":
        text = data.decode("utf-8-sig")
        try:
            top = json.loads(text)
        except ValueError as exc:
            raise InputError(f"{path}: not valid JSON: {exc}") from exc
        items = top.get("reports") if isinstance(top, dict) else top
        if not isinstance(items, list):
            raise InputError(f"{path}: a JSON manifest is a list of objects (or {{\"reports\": [...]}})")
        lines, pos = [], 0  # each object's line, for the messages
        for item in items:
            key = json.dumps(item.get("file", "") if isinstance(item, dict) else "", ensure_ascii=False)
            at = text.find(key, pos) if key != '""' else -1
            lines.append(text.count("\n", 0, at) + 1 if at >= 0 else 0)
            pos = max(pos, at)
        return [(ln, it if isinstance(it, dict) else {}) for ln, it in zip(lines, items)]
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{path}: cannot decode the manifest: save it as UTF-8 or GB18030 CSV")
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" or ("\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0]) else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [(reader.line_num, row) for row in reader]


def load_manifest(path: str | Path, source: str | Path, files: list[tuple[Path, str]]) -> Manifest:
    """Read a manifest against the report ``files`` under ``source`` (as
    :func:`graph.read.report_files` lists them)."""
    from .dates import parse_given

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such manifest file")
    src = Path(source)
    root = src.parent if src.is_file() else src
    by_rel = {p.relative_to(root).as_posix(): p for p, _ in files}
    by_id = {rid: p.relative_to(root).as_posix() for p, rid in files}
    names: dict[str, list[str]] = {}
    for rel in by_rel:
        names.setdefault(rel.rsplit("/", 1)[-1], []).append(rel)
    out = Manifest(path)
    where = path.name
    for line, row in _records(path):
        row = {_ALIASES.get(str(k).strip(), str(k).strip().lower()): (str(v).strip() if v is not None else "")
               for k, v in row.items() if k is not None}
        name = row.get("file", "").replace("\\", "/").lstrip("./")
        if not name:
            out.problems.append(f"{where} line {line}: no file named in this row")
            continue
        rel = name if name in by_rel else by_id.get(name)
        if rel is None and len(names.get(name, [])) == 1:
            rel = names[name][0]
        if rel is None:
            hint = " (several files have that name: write its path under the folder)" if len(names.get(name, [])) > 1 else ""
            out.problems.append(f"{where} line {line}: no report file {name!r} under {src}{hint}")
            continue
        date = row.get("date") or None
        if date is not None:
            iso = parse_given(date)
            if iso is None:
                out.problems.append(f"{where} line {line}: bad date {date!r} for {name} (write YYYY-MM-DD, YYYY-MM or YYYY)")
            date = iso
        county = row.get("county") or None
        if county is not None:
            code, problem = county_code(county)
            if problem:
                out.problems.append(f"{where} line {line}: {problem} for {name}")
            county = code
        if rel in out.rows:
            out.problems.append(f"{where} line {line}: {name} is named twice; this row wins")
        out.rows[rel] = ReportMeta(title=row.get("title") or None, date=date, source=row.get("source") or None,
                                   url=row.get("url") or None, county=county)
    return out


def county_code(value: str) -> tuple[str | None, str | None]:
    """(12-digit code of the county-level unit ``value`` names, problem): 慈利县, 430821 or
    430821000000; a name two counties share needs its code."""
    from .gazetteer import load

    gz = load()
    v = value.strip()
    if v.isdigit() and len(v) in (6, 12):
        code = v.ljust(12, "0")
        p = gz.places.get(code)
        if p is not None and p.level == "county":
            return code, None
        return None, f"no county-level unit has the code {v!r}"
    found = gz.lookup(v, "county")
    if len(found) == 1:
        return found[0].code, None
    if not found:
        return None, f"no county-level unit is named {v!r} in the division register"
    return None, f"{len(found)} county-level units are named {v!r}: give its 6-digit division code instead"


def given_focus(ctx, county: str, gz):
    """The report's context (:class:`graph.extract.doc.Context`) focused on the county a
    manifest gives (a 12-digit code, or a name :func:`county_code` resolves)."""
    code = county if county.isdigit() else county_code(county)[0]
    place = gz.places.get(code) if code else None
    if place is None:
        return ctx
    ctx.focus = place
    ctx.county = ctx.prefecture = ctx.province = None
    for p in gz.chain(place.code):
        setattr(ctx, p.level, p)
    return ctx
