"""Searching the index: full text first, stems inside compounds next, similar titles last."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Lower
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.documents import MARK_START, MARK_STOP
from search.models import SEARCH_CONFIG, Kind, SearchEntry, SearchUnaccent

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 60
# Stems shorter than this would find too much inside other words ("de" in "wijkteam").
MIN_INFIX_STEM = 4
# Below the full-text matches: found only as part of a compound word.
INFIX_RANK = 0.01
# pg_trgm's word similarity needed for "Bedoelde u ...?"; the GIN index answers `%>` at this level.
SIMILARITY_THRESHOLD = 0.5
HEADLINE_OPTIONS = {
    "start_sel": MARK_START,
    "stop_sel": MARK_STOP,
    "max_words": 30,
    "min_words": 12,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}
# Kinds whose title is a name, offered as "Bedoelde u ...?".
NAME_KINDS = {Kind.TERM, Kind.ROLE, Kind.CITY, Kind.DISTRICT, Kind.APPROACH}
# websearch syntax (quotes, "or", a leading minus) changes what the words mean: no infix pass then.
OPERATORS = re.compile(r'["]|(^|\s)-\S|\s(or|OR)\s')


@dataclass
class Result:
    kind: str
    title: SafeString
    snippet: SafeString
    url: str
    city_name: str


@dataclass
class Group:
    kind: str
    label: str
    results: list[Result] = field(default_factory=list)


@dataclass
class Outcome:
    query: str
    groups: list[Group]
    count: int
    notes: list[str]
    suggestion: str = ""
    similar_only: bool = False  # the results are similar titles, not matches


def clean_query(raw: str) -> tuple[str, list[str]]:
    """The query as searched for, and notes for the reader about what was changed."""
    notes = []
    text = raw.replace("\x00", "")
    if text != raw:
        notes.append("Uw zoekvraag bevatte ongeldige tekens; die hebben we weggelaten.")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rstrip()
        notes.append(
            f"Uw zoekvraag was langer dan {MAX_QUERY_LENGTH} tekens; we zochten op het begin ervan."
        )
    return text, notes


def search(text: str) -> Outcome:
    """Matches for a cleaned query, grouped by kind; similar titles when nothing matches."""
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    matches = Q(vector=query)
    words = [] if OPERATORS.search(text) else infix_words(text)
    if words:
        # Each word somewhere inside the entry's stems (LIKE '%...%', answered by a trigram index).
        matches |= Q(
            *(Q(lexemes__contains=stem) | Q(lexemes__contains=word) for stem, word in words)
        )
    rank = Case(
        When(vector=query, then=SearchRank(F("vector"), query, cover_density=True)),
        default=Value(INFIX_RANK),
        output_field=FloatField(),
    )
    entries = list(
        _with_headlines(SearchEntry.objects.filter(matches), query)
        .annotate(rank=rank)
        .order_by("-rank", "title")[:MAX_RESULTS]
    )
    if entries:
        return Outcome(text, group(entries), len(entries), [])
    return similar_titles(text)


def infix_words(text: str) -> list[tuple[str, str]]:
    """Each query word as (stem, word without accents), to look for inside compounds.

    Stems come from PostgreSQL's Dutch stemmer, so "makelaars" gives "makelar", which is inside
    the indexed "gebiedsmakelar"; the plain word covers compounds the stemmer changed otherwise
    ("makelaar" inside "makelaarsrol"). Stop words give no stem and are left out. One query.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lexemes[1], search_unaccent(lower(token))"
            " FROM ts_debug(%s::regconfig, %s) WHERE cardinality(lexemes) > 0",
            [SEARCH_CONFIG, text],
        )
        return [(stem, word) for stem, word in cursor.fetchall() if len(stem) >= MIN_INFIX_STEM]


def similar_titles(text: str) -> Outcome:
    """Titles that look like the query, for typos; the best one is offered as "Bedoelde u ...?"."""
    if len(text) < 3:
        return Outcome(text, [], 0, [])
    key = SearchUnaccent(Lower(Value(text)))
    with transaction.atomic():
        # `%>` (answered by the trigram index on title_key) compares against this setting.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(SIMILARITY_THRESHOLD)],
            )
        entries = list(
            SearchEntry.objects.filter(title_key__trigram_word_similar=key)
            .annotate(
                rank=TrigramWordSimilarity(key, "title_key"),
                # Among equally close words, the title that is most nearly the whole query.
                closeness=TrigramSimilarity("title_key", key),
                title_headline=F("title"),
                body_headline=F("body"),
            )
            .order_by("-rank", "-closeness", "title")[:MAX_RESULTS]
        )
    if not entries:
        return Outcome(text, [], 0, [])
    return Outcome(
        text, group(entries), len(entries), [], suggestion=suggestion(entries), similar_only=True
    )


def suggestion(entries: list[SearchEntry]) -> str:
    """The best matching name (a term, role, city or district), not a long sentence."""
    return next((entry.title for entry in entries if entry.kind in NAME_KINDS), "")


def _with_headlines(queryset, query: SearchQuery):
    return queryset.annotate(
        title_headline=SearchHeadline(
            "title", query, config=SEARCH_CONFIG, highlight_all=True, **_marks()
        ),
        body_headline=SearchHeadline("body", query, config=SEARCH_CONFIG, **HEADLINE_OPTIONS),
    )


def _marks() -> dict:
    return {"start_sel": MARK_START, "stop_sel": MARK_STOP}


def highlight(text: str) -> SafeString:
    """Escape indexed text, then turn PostgreSQL's match markers into <mark> elements.

    The markers are private-use characters stripped from everything indexed, so they can only
    come from ts_headline, always in pairs; escaping first keeps any markup in the text inert.
    """
    escaped = escape(text)
    return mark_safe(  # noqa: S308 -- escaped just above; only our own <mark> tags are added
        escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )


def group(entries: list[SearchEntry]) -> list[Group]:
    """Results under their kind; the group with the best match comes first."""
    labels = dict(Kind.choices)
    groups: dict[str, Group] = {}
    for entry in entries:  # already best first
        target = groups.setdefault(entry.kind, Group(entry.kind, labels[entry.kind]))
        target.results.append(
            Result(
                kind=entry.kind,
                title=highlight(entry.title_headline),
                snippet=highlight(_snippet(entry.body_headline)),
                url=entry.url,
                city_name=entry.city_name,
            )
        )
    return list(groups.values())


def _snippet(text: str, limit: int = 300) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    # A cut must not leave a marker open.
    if cut.count(MARK_START) > cut.count(MARK_STOP):
        cut += MARK_STOP
    return cut + " …"
