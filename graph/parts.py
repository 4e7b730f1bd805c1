"""The parts of a build, as plain types: what each report leaves (:class:`ReportPart`), what
stopped one (:class:`Failure`), and the whole build (:class:`BuildResult`).

The build makes them; the writer, the summary and the views only read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .resolve import EntityNote, Resolved


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class ReportPart:
    """One report's share of a build: the notes and counts the build keeps, and the report's
    written forms (dropped once written)."""

    report_id: str
    path: str
    digest: str  # SHA-256 of the decoded text
    notes: tuple[EntityNote, ...]
    counts: dict[str, int]  # the summary's row: entities by type, relations, posts, statistics
    focus: str | None  # the focal place's name
    trig: bytes = b""  # the report's named graph: TriG statements, no prefix lines
    ttl: bytes = b""  # the same triples as Turtle statements
    page: bytes = b""  # the text with its mentions marked (views/reports/<id>.html)
    text: bytes = b""  # a web page's, PDF's or Word file's extracted text, kept as texts/<digest>.txt
    reused: bool = False  # taken from the previous build's cache
    key: str = ""  # its name in the cache: content, id, file name, encoding and code fingerprint

    def slim(self) -> "ReportPart":
        """The part without its written forms (dropped in place: they are written by now)."""
        self.trig = self.ttl = self.page = self.text = b""
        return self


@dataclass
class BuildResult:
    out_dir: Path
    parts: list[ReportPart] = field(default_factory=list)  # one per report built, in report-id order
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the user should know that is no report's failure (the manifest's problems by line, …)
    resolved: Resolved | None = None
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.parts)

    @property
    def reused(self) -> int:
        """Reports whose extraction came from the cache of the previous build."""
        return sum(p.reused for p in self.parts)
