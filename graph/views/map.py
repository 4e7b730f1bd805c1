"""The diffusion map: China's counties coloured by the year each first reports an item, with a
year slider that plays the spread, a province zoom, the reports and evidence of each county,
and the adoption curve (cumulative counties by year, and by province) beside it.

The boundaries are the shipped ``graph/web/counties.json`` (:mod:`graph.counties`), drawn as
SVG by the page's own script: a build's pages share one copy of them (``views/counties.js``);
a page made alone carries them inline. Nothing is fetched.
"""
from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

from ..diffusion import Diffusion, Item, curve, read_diffusion
from .page import FONT_STACK, TYPE_STYLE, _json, template

GEO_ASSET = "counties.js"  # the boundaries once per folder of pages
MIN_COUNTIES = 2  # an item gets a map page of its own when reports place it in this many counties
STEP_MS = 700  # the slider's pace when playing


def item_data(d: Diffusion, item: Item, *, last_year: int | None = None) -> dict:
    """What the page shows of one item: its counties with their first years and evidence, the
    curve by year (and by province), the first adopters, and the counties it cannot place."""
    from ..counties import boundary_codes

    drawn = boundary_codes()
    dated = item.dated
    first = item.first_year
    last = max(y for y in (last_year, d.last_year, first) if y is not None) if first is not None else None
    counties = {}
    for code, a in sorted(item.adoptions.items()):
        counties[code] = {"name": a.county.name, "province": a.county.province, "prefecture": a.county.prefecture,
                          "year": a.first_year,
                          "reports": [{"id": e.report, "date": e.date, "quote": e.quote, "mention": e.mention} for e in a.evidence]}
    by_prov: dict[str, list] = {}
    for r in curve(item, by_province=True, until=last) if first is not None else []:
        by_prov.setdefault(r.pop("province"), []).append(r)
    return {
        "iri": item.iri, "label": item.label, "type": item.type, "typeName": TYPE_STYLE.get(item.type, ("", "", item.type))[2],
        "aliases": list(item.aliases), "adopters": len(item.adoptions),
        "first": first if first is not None else 0, "last": last if last is not None else 0,
        "counties": counties,
        "curve": curve(item, until=last) if first is not None else [],
        "curveByProvince": by_prov,
        "firstAdopters": sorted(c for c, a in dated.items() if a.first_year == first),
        "undated": sorted(c for c, a in item.adoptions.items() if a.first_year is None),
        "noBoundary": sorted(c for c in item.adoptions if c not in drawn),
    }


@lru_cache(maxsize=1)
def _register_without_boundary() -> tuple[str, ...]:
    from ..counties import boundary_codes
    from ..gazetteer import load

    drawn = boundary_codes()
    return tuple(sorted(f"{p.name} {p.code[:6]}" for p in load().places.values() if p.level == "county" and not p.abolished
                        and p.code not in drawn))


def render_map(d: Diffusion, items: list[Item], *, title: str, reports_href: str = "reports/",
               index_href: str = "index.html", geo_src: str | None = None) -> str:
    """The page for ``items`` (one, or several to choose from); ``geo_src``: load the
    boundaries from this relative path (pages of a build share one copy) instead of inlining them."""
    from ..counties import boundaries_text

    last = d.last_year
    data = {"items": [item_data(d, i, last_year=last) for i in items], "reportsHref": reports_href, "stepMs": STEP_MS,
            "registerWithoutBoundary": list(_register_without_boundary())}
    page = template("map.html")
    if geo_src is None:
        geo = boundaries_text().strip().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        page = page.replace("<script>/*GEO*/</script>", f'<script type="application/json" id="geo">{geo}</script>')
    else:
        page = (page.replace("<script>/*GEO*/</script>", f'<script src="{html.escape(geo_src, quote=True)}"></script>')
                .replace("script-src 'unsafe-inline'", "script-src 'self' file: 'unsafe-inline'"))
    return (page.replace("{{TITLE}}", html.escape(title)).replace("{{FONT}}", FONT_STACK)
            .replace("{{INDEX}}", html.escape(index_href, quote=True)).replace("/*DATA*/null", _json(data)))


def make_map(store, focus: str | None = None, *, reports_href: str = "reports/", index_href: str = "index.html") -> str:
    """A page standing alone: the item ``focus`` names, or every item reports place in at least
    two counties (to choose from)."""
    d = read_diffusion(store)
    items = [d.find(focus)] if focus else d.shared(MIN_COUNTIES) or d.shared(1)
    title = f"govkg · 扩散地图 Diffusion map{' — ' + items[0].label if focus else ''}"
    return render_map(d, items, title=title, reports_href=reports_href, index_href=index_href)


def write_geo_asset(folder: Path) -> None:
    from ..counties import boundaries_text

    (folder / GEO_ASSET).write_text("window.GOVKG_COUNTIES = " + boundaries_text().strip() + ";\n", encoding="utf-8")


def map_page_name(item: Item) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in item.label)
    return f"map-{item.type.lower()}-{safe}.html"


def write_maps(store, folder: Path) -> list[tuple[str, str]]:
    """A map page per item reports place in at least two counties, into ``folder`` (a build's
    views/), with the boundaries beside them once: (label, file name) of each, for the index."""
    d = read_diffusion(store)
    items = d.shared(MIN_COUNTIES)
    if not items:
        return []
    write_geo_asset(folder)
    written, names = [], set()
    for item in items:
        name = map_page_name(item)
        if name in names:  # two labels that differ only in characters a file name cannot hold
            name = name[:-5] + f"-{len(names)}.html"
        names.add(name)
        page = render_map(d, [item], title=f"govkg · 扩散地图 Diffusion map — {item.label}", geo_src=GEO_ASSET)
        (folder / name).write_text(page, encoding="utf-8")
        written.append((f"{item.label} ({TYPE_STYLE.get(item.type, ('', '', item.type))[2]}, {len(item.adoptions)} 县)", name))
    return written
