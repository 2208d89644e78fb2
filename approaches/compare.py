"""The comparison table: which cities the reader asked for, and their approaches side by side.

A city is shown by its first approach in name order, the one its own page shows first. Every
query is built from ``visible_to(user)``; the number of queries does not depend on the number of
cities, dimensions, districts or traits.
"""

from dataclasses import dataclass, field
from html import unescape

from django.db.models import Count, Prefetch, prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.text import Truncator

from approaches.models import Approach, Assessment, Dimension, Role, Trait
from cities.models import City, District
from editorial.pending import apply_pending
from library.models import Source
from library.rich_text import render_markdown

MIN_CITIES = 2
MAX_CITIES = 4
# Slugs are at most 100 characters; longer input is not a slug, and is shown shortened.
MAX_SHOWN_INPUT = 40

TRAIT_ROWS = [
    (Trait.Kind.STRENGTH, "Sterke punten"),
    (Trait.Kind.WEAKNESS, "Zwakke punten"),
    (Trait.Kind.RISK, "Risico's"),
    (Trait.Kind.OPEN_QUESTION, "Open vragen"),
]


# --- What the reader asked for ------------------------------------------------------------------


@dataclass
class Selection:
    cities: list[City]
    problems: list[str] = field(default_factory=list)

    @property
    def is_comparison(self) -> bool:
        return len(self.cities) >= MIN_CITIES

    @property
    def slugs(self) -> list[str]:
        return [city.slug for city in self.cities]

    @property
    def names(self) -> str:
        return names(self.cities)


def select_cities(values: list[str], available: list[City]) -> Selection:
    """The cities named in the query string, in the reader's order, with what was wrong."""
    by_slug = {city.slug: city for city in available}
    chosen: list[City] = []
    unknown: list[str] = []
    repeated: list[str] = []
    empty = False
    for value in values:
        slug = value.replace("\x00", "").strip().lower()
        if not slug:
            empty = True
        elif slug not in by_slug:
            unknown.append(shown(value))
        elif by_slug[slug] in chosen:
            repeated.append(by_slug[slug].name)
        else:
            chosen.append(by_slug[slug])
    problems = _problems(empty, unknown, repeated)
    if len(chosen) > MAX_CITIES:
        problems.append(
            f"U kunt hoogstens {MAX_CITIES} steden tegelijk vergelijken. We tonen de eerste "
            f"{MAX_CITIES}: {names(chosen[:MAX_CITIES])}."
        )
        chosen = chosen[:MAX_CITIES]
    return Selection(chosen, problems)


def _problems(empty: bool, unknown: list[str], repeated: list[str]) -> list[str]:
    problems = []
    if unknown:
        listed = ", ".join(f"‘{value}’" for value in dict.fromkeys(unknown))
        problems.append(
            f"Deze stad kennen we niet: {listed}. We hebben haar overgeslagen."
            if len(set(unknown)) == 1
            else f"Deze steden kennen we niet: {listed}. We hebben ze overgeslagen."
        )
    if repeated:
        problems.append(
            f"U koos {names(list(dict.fromkeys(repeated)))} meer dan eens; "
            "we tonen elke stad één keer."
        )
    if empty:
        problems.append("Een lege keuze hebben we overgeslagen.")
    return problems


def shown(value: str) -> str:
    """Reader input as it may be repeated in a message: printable and short (escaped later)."""
    printable = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in value)
    return Truncator(printable).chars(MAX_SHOWN_INPUT)


def names(cities) -> str:
    """'Utrecht', 'Utrecht en Den Haag', 'Utrecht, Den Haag en Amsterdam'."""
    labels = [getattr(city, "name", city) for city in cities]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " en " + labels[-1]


# --- The table --------------------------------------------------------------------------------


@dataclass
class Item:
    """One entry of a list in a cell: a role, a trait, a source."""

    text: str
    url: str = ""
    markdown: bool = False


@dataclass
class Cell:
    value: str = ""
    detail: str = ""  # Markdown, shown in a <details>
    items: list[Item] = field(default_factory=list)
    url: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.value or self.items)

    def comparable(self) -> tuple:
        """What decides whether two cells say the same (not their longer explanation)."""
        return (_normalise(self.value), tuple(_normalise(item.text) for item in self.items))

    def as_text(self) -> str:
        """The cell as plain text, for the CSV download."""
        parts = [self.value, *(plain_text(i.text) if i.markdown else i.text for i in self.items)]
        text = "\n".join(part for part in parts if part)
        if self.detail:
            text = f"{text}\n\n{plain_text(self.detail)}" if text else plain_text(self.detail)
        return text or EMPTY


EMPTY = "—"


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    question: str = ""
    columns: list[tuple[City, Cell]] = field(default_factory=list)  # set by the table

    @property
    def differs(self) -> bool:
        return len({cell.comparable() for cell in self.cells}) > 1


@dataclass
class Table:
    cities: list[City]
    rows: list[Row]
    hidden_equal_rows: int = 0

    def __post_init__(self):
        for row in self.rows:
            row.columns = list(zip(self.cities, row.cells, strict=True))

    def without_equal_rows(self) -> "Table":
        kept = [row for row in self.rows if row.differs]
        return Table(self.cities, kept, hidden_equal_rows=len(self.rows) - len(kept))


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def plain_text(markdown_text: str) -> str:
    return unescape(strip_tags(render_markdown(markdown_text))).strip()


def build_table(user, cities: list[City]) -> Table:
    """Rows for these cities: the approach, every visible dimension, roles, democracy, traits and
    sources. Eight queries, however many cities, dimensions, districts or traits."""
    prefetch_related_objects(
        cities,
        Prefetch(
            "sources",
            queryset=Source.objects.visible_to(user).order_by("title"),
            to_attr="visible_sources",
        ),
    )
    approaches = main_approaches(user, cities)
    dimensions = list(Dimension.objects.visible_to(user).order_by("order", "name"))
    # Staff compare with the changes that wait for publication, as on the city pages.
    apply_pending(user, [*cities, *dimensions, *_shown_parts(approaches.values())])
    bodies = elected_bodies(user, cities)
    columns = [(city, approaches.get(city.pk)) for city in cities]
    rows = [
        Row("aanpak", "Aanpak", [_approach_cell(c, a) for c, a in columns]),
        Row("soort-aanpak", "Soort aanpak", [_scope_cell(a) for _, a in columns]),
        *(_dimension_row(dimension, columns) for dimension in dimensions),
        Row("rollen", "Rollen in de wijk", [_roles_cell(a) for _, a in columns]),
        Row(
            "verkiezingen",
            "Eigen verkiezingen in wijk of gebied",
            [Cell("Ja" if c.district_elections else "Nee") for c, _ in columns],
        ),
        Row(
            "lokale-democratie",
            "Koppeling met de lokale democratie",
            [_democracy_cell(c, bodies.get(c.pk, [])) for c, _ in columns],
        ),
        *(_trait_row(kind, label, columns) for kind, label in TRAIT_ROWS),
        Row("bronnen", "Bronnen", [_sources_cell(c, a) for c, a in columns]),
    ]
    return Table(cities, rows)


def main_approaches(user, cities: list[City]) -> dict[int, Approach]:
    """Per city its first visible approach by name, with what the table shows of it.

    Five queries: the approaches, then their assessments, traits, roles and sources.
    """
    first: dict[int, Approach] = {}
    for approach in Approach.objects.visible_to(user).filter(city__in=cities).order_by("name"):
        first.setdefault(approach.city_id, approach)
    prefetch_related_objects(
        list(first.values()),
        Prefetch(
            "assessments",
            queryset=Assessment.objects.visible_to(user).order_by("dimension_id"),
        ),
        Prefetch("traits", queryset=Trait.objects.visible_to(user).order_by("order", "pk")),
        Prefetch("roles", queryset=Role.objects.visible_to(user).order_by("name")),
        Prefetch("sources", queryset=Source.objects.visible_to(user).order_by("title")),
    )
    return first


def _shown_parts(approaches):
    for approach in approaches:
        yield approach
        yield from approach.assessments.all()
        yield from approach.traits.all()
        yield from approach.roles.all()


def elected_bodies(user, cities: list[City]) -> dict[int, list[tuple[str, int]]]:
    """Per city the kinds of elected or drawn district bodies and how many there are (one query)."""
    labels = dict(District.Body.choices)
    counts = (
        District.objects.visible_to(user)
        .filter(city__in=cities)
        .exclude(body="")
        .values("city_id", "body")
        .annotate(count=Count("pk"))
        .order_by("city_id", "body")
    )
    bodies: dict[int, list[tuple[str, int]]] = {}
    for row in counts:
        bodies.setdefault(row["city_id"], []).append((labels[row["body"]], row["count"]))
    return bodies


def _approach_cell(city: City, approach: Approach | None) -> Cell:
    if approach is None:
        return Cell("Nog geen aanpak beschreven", url=city.get_absolute_url())
    return Cell(
        approach.name,
        detail=approach.summary,
        url=f"{city.get_absolute_url()}#aanpak",
    )


def _scope_cell(approach: Approach | None) -> Cell:
    if approach is None:
        return Cell()
    value = approach.get_scope_display()
    if approach.focus_area_count:
        value += f" ({approach.focus_area_count} focuswijken)"
    return Cell(value)


def _dimension_row(dimension: Dimension, columns) -> Row:
    cells = []
    for _, approach in columns:
        found = None
        if approach is not None:
            found = next(
                (a for a in approach.assessments.all() if a.dimension_id == dimension.pk), None
            )
        cells.append(Cell(found.value, detail=found.text) if found else Cell())
    return Row(f"dimensie-{dimension.slug}", dimension.name, cells, question=dimension.question)


def _roles_cell(approach: Approach | None) -> Cell:
    if approach is None:
        return Cell()
    return Cell(items=[Item(role.name) for role in approach.roles.all()])


def _democracy_cell(city: City, bodies: list[tuple[str, int]]) -> Cell:
    items = [Item(f"{label} ({count})") for label, count in bodies]
    return Cell(city.get_democracy_link_display(), detail=city.democracy_text, items=items)


def _trait_row(kind: str, label: str, columns) -> Row:
    cells = []
    for _, approach in columns:
        traits = [t for t in approach.traits.all() if t.kind == kind] if approach else []
        cells.append(Cell(items=[Item(t.text, markdown=True) for t in traits]))
    return Row(f"kenmerk-{kind}", label, cells)


def _sources_cell(city: City, approach: Approach | None) -> Cell:
    sources = list(city.visible_sources)
    if approach is not None:
        sources += approach.sources.all()
    unique = {source.pk: source for source in sources}.values()
    ordered = sorted(unique, key=lambda s: s.title.casefold())
    return Cell(items=[Item(source.citation, url=source.get_absolute_url()) for source in ordered])
