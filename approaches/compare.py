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

from approaches.models import Approach, Assessment, Dimension, DimensionOption, Theme, Trait
from cities.models import City, DemocracyLink, District
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
    """One entry of a list in a cell: a trait, a source."""

    text: str
    url: str = ""
    markdown: bool = False


UNKNOWN = object()  # what an empty or uncategorised cell compares as


@dataclass
class Cell:
    value: str = ""
    detail: str = ""  # Markdown, shown in a <details>
    items: list[Item] = field(default_factory=list)
    url: str = ""
    category: str = ""  # the chosen option, the short comparable value
    key: object = UNKNOWN  # what decides whether two cells say the same

    @property
    def is_empty(self) -> bool:
        return not (self.value or self.items or self.category)

    @property
    def is_known(self) -> bool:
        return self.key is not UNKNOWN

    def as_text(self) -> str:
        """The cell as plain text, for the CSV download."""
        parts = [self.category, self.value]
        parts += [plain_text(i.text) if i.markdown else i.text for i in self.items]
        text = "\n".join(part for part in parts if part)
        if self.detail:
            text = f"{text}\n\n{plain_text(self.detail)}" if text else plain_text(self.detail)
        return text or EMPTY


EMPTY = "Onbekend: de bronnen zeggen hier niets over"


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    question: str = ""
    compared: bool = True  # False: free text, which no reader expects to be equal
    columns: list[tuple[City, Cell]] = field(default_factory=list)  # set by the table

    @property
    def differs(self) -> bool:
        """Two cities chose different options; unknown cells decide nothing."""
        return self.compared and len({c.key for c in self.cells if c.is_known}) > 1

    @property
    def unknown_for(self) -> list[City]:
        return [city for city, cell in self.columns if self.compared and not cell.is_known]

    @property
    def is_equal(self) -> bool:
        return self.compared and not self.unknown_for and not self.differs

    @property
    def unknown_names(self) -> str:
        return names(self.unknown_for)


@dataclass
class Group:
    key: str
    label: str
    rows: list[Row]


@dataclass
class Table:
    cities: list[City]
    groups: list[Group]
    hidden_equal_rows: int = 0

    def __post_init__(self):
        for row in self.rows:
            row.columns = list(zip(self.cities, row.cells, strict=True))

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]

    def without_equal_rows(self) -> "Table":
        kept = [Group(g.key, g.label, [r for r in g.rows if not r.is_equal]) for g in self.groups]
        hidden = len(self.rows) - sum(len(g.rows) for g in kept)
        table = Table(self.cities, [g for g in kept if g.rows], hidden_equal_rows=hidden)
        table.sources = self.sources
        return table

    def summary(self) -> list[str]:
        """The main differences in words, made from the chosen options only."""
        lines = [_difference(row) for row in self.rows if row.differs]
        same = [
            f"{row.label} ({_lower(row.cells[0].category)})" for row in self.rows if row.is_equal
        ]
        if same:
            lines.append(f"Gelijk bij {names(self.cities)}: " + "; ".join(same) + ".")
        return lines


def _difference(row: Row) -> str:
    by_option: dict[object, list[City]] = {}
    labels = {}
    for city, cell in row.columns:
        if cell.is_known:
            by_option.setdefault(cell.key, []).append(city)
            labels[cell.key] = cell.category
    parts = [f"{names(cities)}: {_lower(labels[key])}" for key, cities in by_option.items()]
    if row.unknown_for:
        parts.append(f"onbekend voor {row.unknown_names}")
    return f"{row.label} — " + "; ".join(parts) + "."


def _lower(label: str) -> str:
    """'Hele stad' → 'hele stad'; 'Wmo' stays as it is."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def plain_text(markdown_text: str) -> str:
    return unescape(strip_tags(render_markdown(markdown_text))).strip()


def build_table(user, cities: list[City]) -> Table:
    """Rows for these cities, in groups per theme: the approach, the dimensions, local democracy
    and the traits; the sources apart. A fixed number of queries, however many cities,
    dimensions, districts or traits."""
    prefetch_related_objects(
        cities,
        Prefetch(
            "sources",
            queryset=Source.objects.visible_to(user).order_by("title"),
            to_attr="visible_sources",
        ),
    )
    approaches = main_approaches(user, cities)
    dimensions = list(
        Dimension.objects.visible_to(user)
        .order_by("order", "name")
        .prefetch_related(Prefetch("options", queryset=DimensionOption.objects.visible_to(user)))
    )
    # Staff compare with the changes that wait for publication, as on the city pages.
    apply_pending(user, [*cities, *dimensions, *_shown_parts(approaches.values())])
    columns = [(city, approaches.get(city.pk)) for city in cities]
    by_theme: dict[str, list[Row]] = {theme: [] for theme in [*Theme.values, ""]}
    by_theme[Theme.DEMOCRACY] += _democracy_rows(columns, elected_bodies(user, cities))
    for dimension in dimensions:
        by_theme[dimension.theme].append(_dimension_row(dimension, columns))
    groups = [Group("aanpak", "Aanpak", [_approach_row(columns)])]
    labels = dict(Theme.choices) | {"": "Overig"}
    groups += [Group(theme, labels[theme], rows) for theme, rows in by_theme.items() if rows]
    groups.append(Group("kenmerken", "Sterke en zwakke punten", _trait_rows(columns)))
    table = Table(cities, groups)
    table.sources = _sources(columns)
    return table


def main_approaches(user, cities: list[City]) -> dict[int, Approach]:
    """Per city its first visible approach by name, with what the table shows of it.

    Four queries: the approaches, then their assessments, traits and sources.
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
        Prefetch("sources", queryset=Source.objects.visible_to(user).order_by("title")),
    )
    return first


def _shown_parts(approaches):
    for approach in approaches:
        yield approach
        yield from approach.assessments.all()
        yield from approach.traits.all()


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


def _approach_row(columns) -> Row:
    cells = []
    for city, approach in columns:
        if approach is None:
            cells.append(Cell("Nog geen aanpak beschreven", url=city.get_absolute_url()))
        else:
            url = f"{city.get_absolute_url()}#aanpak"
            cells.append(Cell(approach.name, detail=approach.summary, url=url))
    return Row("aanpak", "Aanpak", cells, compared=False)


# In the row of bodies, "none" is about the bodies; how they link is a row of its own.
NO_ELECTED_BODIES = "Geen eigen gekozen organen"


def _democracy_rows(columns, bodies) -> list[Row]:
    elections = [
        Cell(category="Ja" if city.district_elections else "Nee", key=city.district_elections)
        for city, _ in columns
    ]
    organs = [
        Cell(
            category=NO_ELECTED_BODIES
            if city.democracy_link == DemocracyLink.NONE
            else city.get_democracy_link_display(),
            key=city.democracy_link,
            items=[Item(f"{label} ({count})") for label, count in bodies.get(city.pk, [])],
        )
        for city, _ in columns
    ]
    return [
        Row("verkiezingen", "Eigen verkiezingen voor wijk, gebied of stadsdeel", elections),
        Row(
            "gekozen-organen",
            "Welke organen",
            organs,
            question="Gekozen of gelote organen en hoeveel er zijn",
        ),
    ]


def _dimension_row(dimension: Dimension, columns) -> Row:
    options = {option.pk: option for option in dimension.options.all()}
    cells = []
    for _, approach in columns:
        found = None
        if approach is not None:
            found = next(
                (a for a in approach.assessments.all() if a.dimension_id == dimension.pk), None
            )
        if found is None:
            cells.append(Cell())
            continue
        option = options.get(found.option_id)
        cell = Cell(found.value, detail=found.text)
        if option is not None:
            cell.category, cell.key = option.label, option.pk
        cells.append(cell)
    row = Row(f"dimensie-{dimension.slug}", dimension.name, cells, question=dimension.question)
    row.compared = bool(options)
    return row


def _trait_rows(columns) -> list[Row]:
    rows = []
    for kind, label in TRAIT_ROWS:
        cells = []
        for _, approach in columns:
            traits = [t for t in approach.traits.all() if t.kind == kind] if approach else []
            cells.append(Cell(items=[Item(t.text, markdown=True) for t in traits]))
        rows.append(Row(f"kenmerk-{kind}", label, cells, compared=False))
    return rows


def _sources(columns) -> list[Source]:
    """The sources of the compared cities and approaches: one list below the table."""
    sources = []
    for city, approach in columns:
        sources += city.visible_sources
        if approach is not None:
            sources += approach.sources.all()
    unique = {source.pk: source for source in sources}.values()
    return sorted(unique, key=lambda s: s.title.casefold())
