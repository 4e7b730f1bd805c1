"""What a reader hands back: the text a report's offsets index and what the file says of itself."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ReportMeta


@dataclass(frozen=True)
class Reading:
    """A file as read: the text its report's offsets index, and what the file says of itself."""

    text: str
    encoding: str  # of a text file or web page; "" for PDF and Word files
    format: str  # the media type
    meta: ReportMeta = field(default_factory=ReportMeta)
