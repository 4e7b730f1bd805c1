"""Small named result types that travel down the pipeline.

read → :class:`Report`; normalise → :class:`graph.normalise.Normalised`;
extract → :class:`Extraction` (mentions, entities, relations, statistics, all in
original-text offsets); resolve → global entity keys; graph → RDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Place", "Agency", "Campaign", "Program", "Mechanism", "Person", "Document", "Honor")


@dataclass(frozen=True)
class Report:
    """One report as read from disk: ``text`` is exactly the decoded file content."""

    id: str
    path: str
    text: str
    encoding: str


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

    def add(self, entity: Entity) -> Entity:
        """Merge ``entity`` into the entity with the same key."""
        have = self.entities.get(entity.key)
        if have is None:
            self.entities[entity.key] = entity
            return entity
        have.aliases |= entity.aliases | {entity.name}
        have.aliases.discard(have.name)
        seen = {(m.begin, m.end) for m in have.mentions}
        have.mentions.extend(m for m in entity.mentions if (m.begin, m.end) not in seen)
        for k, v in entity.attrs.items():
            have.attrs.setdefault(k, v)
        if entity.components and not have.components:
            have.components = entity.components
            have.formula_count = entity.formula_count
        if have.formula_count is None:
            have.formula_count = entity.formula_count
        return have
