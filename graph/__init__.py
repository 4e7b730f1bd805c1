"""govkg: Chinese local-government reports → a provenance-rich knowledge graph.

Public API (the CLI only wraps these)::

    from graph import build, extract_text, validate
    result = build("seeds/", "out/")          # read → normalise → extract → resolve → graph → write
    ex = extract_text("县公安局开展“净网”专项行动。")  # one text, for trying rules
    df = frame("out/", "county_mechanisms", county="慈利县")  # a library query as a DataFrame
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
