"""govkg: Chinese local-government reports → a provenance-rich knowledge graph.

Public API (the CLI only wraps these)::

    from graph import build, extract_text, validate
    result = build("seeds/", "out/")          # read → normalise → extract → resolve → graph → write
    ex = extract_text("县公安局开展“净网”专项行动。")  # one text, for trying rules
    df = frame("out/", "county_mechanisms", county="慈利县")  # a library query as a DataFrame

The modules, in the order the data flows through them. A module imports only modules on the
lines above its own, so imports point back against the flow and never in a circle
(tests/test_imports.py holds the package to both)::

    errors model timing progress vocab script lexicon queries web   types, helpers and data every step shares
    dates                                                  a report's date; the intervals its periods name
    readers                                                one reader per kind of file (text, web page, PDF, Word)
    read segment gazetteer counties                        files → Report; words; the division register; county borders
    manifest                                               what a manifest says of each report
    normalise                                              PDF/web layout → clean text + offset map
    extract                                                → Extraction: entities, relations, statistics
    resolve                                                one node per entity across reports
    rdf parts                                              a report's named graph; a build's parts
    statements outdir output partcache                     TriG/Turtle blocks; out/'s layout, lock, swap; safe single files; the part cache
    store                                                  the Oxigraph store: open, bulk-load, update
    query summary validate                                 the one SPARQL path; summary.md; SHACL
    diffusion                                              adoptions by county and year, curves, panels
    views export push serve evaluate explain               what users look at, take away and check
    write                                                  one build into out/: files, store, summary, views
    build                                                  the pipeline: read → … → write
    distributed                                            the same on Dask
    cli                                                    the `govkg` command
"""
from __future__ import annotations

from .build import BuildResult, build
from .errors import GovkgError, InputError, ReadError
from .extract import extract, extract_text
from .normalise import normalise
from .query import frame, run as query
from .validate import validate

__all__ = ["build", "BuildResult", "extract", "extract_text", "normalise", "query", "frame", "validate", "GovkgError",
           "InputError", "ReadError"]
__version__ = "0.1.0"
