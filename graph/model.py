"""Small named result types that travel down the pipeline.

read → :class:`Report`; normalise → :class:`graph.normalise.Normalised`;
extract → :class:`Extraction` (mentions, entities, relations, statistics, all in
original-text offsets); resolve → global entity keys; graph → RDF.
"""
from __future__ import annotations

from dataclasses import astuple, dataclass, field

ENTITY_TYPES = ("Place", "Agency", "Campaign", "Program", "Mechanism", "Person", "Document", "Honor")


@dataclass(frozen=True)
class ReportMeta:
    """What is known of a report besides its text: read from the file (a web page's head) or
    given by a manifest row. ``date`` is ISO: YYYY-MM-DD, or YYYY-MM / YYYY when only that is
    known (it then gives the year to a dateline such as 5月18日)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None  # the site, paper or body that published it
    url: str | None = None
    county: str | None = None  # the county it is about, when the text does not say

    def over(self, base: "ReportMeta") -> "ReportMeta":
        """These values where given, else ``base``'s (a manifest row over what the file says)."""
        return ReportMeta(*(mine if mine is not None else theirs for mine, theirs in zip(astuple(self), astuple(base))))


@dataclass(frozen=True)
class Report:
    """One report as read from disk. ``text`` is exactly the decoded file content for a text
    file, and the text extracted from it for a web page, PDF or Word file (``format`` says
    which): mention offsets index ``text``."""

    id: str
    path: str
    text: str
    encoding: str  # of a text file or web page; "" for PDF and Word files
    format: str = "text/plain"  # the file's media type
    meta: ReportMeta = ReportMeta()


@dataclass(frozen=True)
class Mention:
    """A surface form in the original text: ``text[begin:end] == anchor``."""

    begin: int
    end: int
    anchor: str
    surface: str  # the normalised form (spaces and line breaks removed, simplified script)


@dataclass
class Entity:
    """An entity as one report sees it. ``key`` identifies it across reports."""

    type: str
    name: str  # canonical name
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    # type-specific attributes: level/code/parent for places, jurisdiction for agencies …
    attrs: dict = field(default_factory=dict)
    components: list[str] = field(default_factory=list)
    formula_count: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.attrs.get("key_name", self.name))


@dataclass(frozen=True)
class Relation:
    """``subject -predicate-> object`` between entity keys, with its evidence sentence."""

    subject: tuple[str, str]
    predicate: str
    object: tuple[str, str]
    quote: str
    begin: int = -1  # evidence sentence offsets in the original text (-1: not from text)
    end: int = -1


@dataclass(frozen=True)
class Post:
    person: tuple[str, str]
    title: str
    org: tuple[str, str]
    quote: str
    begin: int = -1
    end: int = -1


@dataclass(frozen=True)
class Statistic:
    subject: tuple[str, str] | None
    indicator: str
    value: float
    unit: str
    qualifier: str | None
    period: str | None
    quote: str
    begin: int
    end: int
    surface: str  # the number with its unit as written
    year: int | None = None  # the calendar year the period names, resolved against the report's date


@dataclass
class Extraction:
    """Everything extracted from one report."""

    report: Report
    focus: tuple[str, str] | None = None  # key of the focal place
    date: str | None = None  # ISO date of the report where the text gives one
    script: str = "zh-Hans"
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # per entity key: its mentions list, how many of them ``seen`` holds, and their spans (an
    # entity named a thousand times is merged without a thousand scans of its mentions)
    _seen: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def add(self, entity: Entity) -> Entity:
        """Merge ``entity`` into the entity with the same key."""
        have = self.entities.get(entity.key)
        if have is None:
            self.entities[entity.key] = entity
            return entity
        have.aliases |= entity.aliases | {entity.name}
        have.aliases.discard(have.name)
        mentions = have.mentions
        known = self._seen.get(entity.key)
        if known is None or known[0] is not mentions or known[1] > len(mentions):
            seen = {(m.begin, m.end) for m in mentions}
        else:  # the spans of the mentions added since (by this method or another)
            seen = known[2]
            seen.update((m.begin, m.end) for m in mentions[known[1]:])
        n = len(mentions)
        mentions.extend([m for m in entity.mentions if (m.begin, m.end) not in seen])
        self._seen[entity.key] = (mentions, n, seen)  # the new ones join ``seen`` on the next merge
        for k, v in entity.attrs.items():
            have.attrs.setdefault(k, v)
        if entity.components and not have.components:
            have.components = entity.components
            have.formula_count = entity.formula_count
        if have.formula_count is None:
            have.formula_count = entity.formula_count
        return have
