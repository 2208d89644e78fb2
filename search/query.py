"""Searching the index: full text first, stems inside compounds next, close names for typos.

One ranked list, a page at a time; each result says what it is and where. "Bedoelde u ...?" offers
a name (a title or another name) that is close to the whole query, never a word inside a title.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramStrictWordSimilarity
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Length, Lower
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.documents import FRAGMENT_BREAK, MARK_START, MARK_STOP
from search.models import SEARCH_CONFIG, Kind, SearchEntry, SearchUnaccent

MAX_QUERY_LENGTH = 200
PER_PAGE = 20
# The API gives the best results in one answer, without pages.
MAX_RESULTS = 60
# Pages beyond this are not shown: the snippets of every result before the page would be made
# too (PostgreSQL makes them before it skips to the page), and nobody reads that far.
MAX_PAGE = 50
# Stems shorter than this would find too much inside other words ("de" in "wijkteam").
MIN_INFIX_STEM = 4
# Weights of the labels D, C, B, A: title and other names (A) above the text (B); the description
# (D) makes an entry found ("wijk" finds every wijk) without raising it above the area it names.
RANK_WEIGHTS = [0.0, 0.2, 0.4, 1.0]
# Below the full-text matches: found only as part of a compound word.
INFIX_RANK = 0.01
# Passages of the text shown with a result: between these many words, and at most this many.
PASSAGE_WORDS = (12, 30)
PASSAGES_PER_RESULT = 2
# Kinds whose title is a name, offered as "Bedoelde u ...?"; the first three are preferred.
PREFERRED_KINDS = (Kind.TERM, Kind.CITY, Kind.DISTRICT)
NAME_KINDS = {*PREFERRED_KINDS, Kind.ROLE, Kind.APPROACH}
# Close names are looked for among this many titles that share most trigrams with the query.
NAME_CANDIDATES = 40
# What a result shows (with the marked headlines); not the search columns, which are large.
SHOWN = ("kind", "title", "other_names", "description", "url", "city_name")
# websearch syntax (quotes, "or", a leading minus) changes what the words mean: no infix pass then.
OPERATORS = re.compile(r'["]|(^|\s)-\S|\s(or|OR)\s')


@dataclass
class Result:
    kind: str
    title: SafeString
    description: str  # what and where: "gebied in Rotterdam"
    other_names: list[SafeString]
    fragments: list[SafeString]
    url: str
    city_name: str

    @property
    def snippet(self) -> SafeString:
        return mark_safe(" … ".join(self.fragments))  # noqa: S308 -- each fragment is escaped


@dataclass
class Outcome:
    query: str
    results: list[Result]
    count: int  # all results, not only this page's
    notes: list[str]
    suggestion: str = ""
    similar_only: bool = False  # the results are close names, not matches
    page: int = 1
    per_page: int = PER_PAGE
    out_of_range: bool = False  # the page asked for does not exist

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.count // self.per_page)))

    @property
    def more_than_shown(self) -> bool:
        return self.count > self.shown

    @property
    def shown(self) -> int:
        """How many of the results can be reached through the pages."""
        return min(self.count, MAX_PAGE * self.per_page)

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return self.first + len(self.results) - 1

    @property
    def has_previous(self) -> bool:
        return 1 < self.page <= self.pages

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


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


def search(text: str, page: int = 1, per_page: int = PER_PAGE) -> Outcome:
    """One page of matches for a cleaned query, best first; close names when nothing matches.

    At most three queries whatever the number of results: the query's words, the page of
    matches and the number of matches. The first page is looked up first: when it is not full it
    holds every match, and the count is not asked. The close names behind "Bedoelde u ...?" are
    looked for only when the query has a word the content never uses (a typo). (Counting in the
    page's query, with a window, took longer on 20 000 entries than counting apart.)
    """
    words = query_words(text)
    matches = _matches(text, words)
    names = [] if words.all_used else close_names(text)
    found = Outcome(text, [], 0, [], _suggestion(names), page=page, per_page=per_page)
    entries = _page_of_matches(matches, found) if page == 1 else None
    if entries is not None and len(entries) < per_page:
        found.count = len(entries)
    else:
        # Counted only as far as the pages reach, and one more to know there are more: a common
        # word matches most of the index, and the exact number past that tells a reader nothing.
        found.count = _count(matches, MAX_PAGE * per_page + 1)
    if found.count and page <= found.pages:
        if entries is None:
            entries = _page_of_matches(matches, found)
        found.results = [_result(entry) for entry in entries]
        return found
    if page > 1 or found.count:
        found.count = found.count or len(names)
        found.out_of_range = True
        return found
    similar = [_similar_result(entry) for entry in names[:per_page]]
    return Outcome(text, similar, len(similar), [], found.suggestion, similar_only=bool(similar))


# Matching, counting and the page of matches are written in SQL: built from the ORM's
# expressions, they took longer to put together than PostgreSQL takes to answer them (2–4 ms
# of a search that now takes 3–5 ms in all).


@dataclass
class Matches:
    """The condition an entry matches the query by, as SQL with its named parameters."""

    sql: str
    params: dict


def _matches(text: str, words: "QueryWords") -> Matches:
    params = {"config": SEARCH_CONFIG, "text": text}
    sql = "vector @@ websearch_to_tsquery(%(config)s::regconfig, %(text)s)"
    infix = [] if OPERATORS.search(text) else words.infix
    inside = []
    for number, (stem, word) in enumerate(infix):
        # Each word somewhere inside the entry's stems (LIKE '%...%', answered by a trigram
        # index). A word that contains its stem is found wherever the stem is: one pattern.
        patterns = [stem] if stem in word else [stem, word]
        either = []
        for which, pattern in enumerate(patterns):
            name = f"inside_{number}_{which}"
            params[name] = f"%{_like_escaped(pattern)}%"
            either.append(f"lexemes LIKE %({name})s")
        inside.append(f"({' OR '.join(either)})")
    if inside:
        sql = f"({sql} OR ({' AND '.join(inside)}))"
    return Matches(sql, params)


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _count(matches: Matches, limit: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            # matches.sql is made of fixed fragments; every value in it is a parameter.
            f"SELECT count(*) FROM (SELECT FROM search_searchentry WHERE {matches.sql}"  # noqa: S608
            " LIMIT %(limit)s) AS found",
            matches.params | {"limit": limit},
        )
        return cursor.fetchone()[0]


@dataclass
class Match:
    kind: str
    description: str
    url: str
    city_name: str
    # Title, other names and passages of the text with the query's words marked (ts_headline).
    title_headline: str
    names_headline: str
    body_headline: str


# Best first; among equal matches a title that is the query itself (the first line of names_key,
# already in lower case without accents), then larger areas. The headlines are made only for
# the rows of the page (and those skipped before it), after sorting.
PAGE_OF_MATCHES = """
SELECT kind, description, url, city_name,
       ts_headline(%(config)s::regconfig, title, {query}, %(marks)s),
       ts_headline(%(config)s::regconfig, other_names, {query}, %(marks)s),
       ts_headline(%(config)s::regconfig, body, {query}, %(passages)s)
  FROM search_searchentry
 WHERE {matches}
 ORDER BY CASE WHEN vector @@ {query}
               THEN ts_rank_cd(%(weights)s::float4[], vector, {query})
               ELSE %(infix_rank)s END DESC,
          split_part(names_key, chr(10), 1) = search_unaccent(lower(%(text)s)) DESC,
          tie_order, title, id
 LIMIT %(limit)s OFFSET %(offset)s
"""
QUERY = "websearch_to_tsquery(%(config)s::regconfig, %(text)s)"
MARKS = f"StartSel='{MARK_START}', StopSel='{MARK_STOP}', HighlightAll=true"
PASSAGES = (
    f"StartSel='{MARK_START}', StopSel='{MARK_STOP}', MaxWords={PASSAGE_WORDS[1]},"
    f" MinWords={PASSAGE_WORDS[0]}, MaxFragments={PASSAGES_PER_RESULT},"
    f" FragmentDelimiter='{FRAGMENT_BREAK}'"
)


def _page_of_matches(matches: Matches, outcome: Outcome) -> list[Match]:
    sql = PAGE_OF_MATCHES.format(query=QUERY, matches=matches.sql)
    params = matches.params | {
        "marks": MARKS,
        "passages": PASSAGES,
        "weights": RANK_WEIGHTS,
        "infix_rank": INFIX_RANK,
        "limit": outcome.per_page,
        "offset": (outcome.page - 1) * outcome.per_page,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Match(*row) for row in cursor.fetchall()]


@dataclass
class QueryWords:
    # Each query word as (stem, word without accents), to look for inside compounds.
    infix: list[tuple[str, str]]
    # Every word of the query is written somewhere in the content: it has no typo to correct.
    all_used: bool


def query_words(text: str) -> QueryWords:
    """What PostgreSQL makes of the query's words; one query.

    Stems come from PostgreSQL's Dutch stemmer, so "makelaars" gives "makelar", which is inside
    the indexed "gebiedsmakelar"; the plain word covers compounds the stemmer changed otherwise
    ("makelaar" inside "makelaarsrol"). Stop words give no stem and are left out. Whether each
    word is written somewhere as it is typed comes from the index of words (SearchEntry.words).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ARRAY(SELECT ARRAY[lexemes[1], search_unaccent(lower(token))]"
            "  FROM ts_debug(%s::regconfig, %s) WHERE cardinality(lexemes) > 0),"
            " EXISTS (SELECT FROM search_searchentry WHERE words @@ plainto_tsquery('simple', %s))",
            [SEARCH_CONFIG, text, normal(text)],
        )
        pairs, all_used = cursor.fetchone()
    infix = [(stem, word) for stem, word in pairs if len(stem) >= MIN_INFIX_STEM]
    return QueryWords(infix, all_used)


# Close names


def close_names(text: str) -> list[SearchEntry]:
    """Entries with a title or other name within a few typing errors of the whole query, the
    closest first. One query; search() asks only when a word of the query is written nowhere in
    the content (QueryWords.all_used), since otherwise it is no typo.

    The trigram index finds candidates whose words share most trigrams with the query
    (`%>>`, strict word similarity at pg_trgm's default 0.5); then only a name that as a whole is
    a few edits (letters added, dropped, changed or swapped) away from the query counts.
    """
    key = normal(text)
    if len(key) < 4:
        return []
    query_key = SearchUnaccent(Lower(Value(text)))
    candidates = (
        SearchEntry.objects.filter(names_key__trigram_strict_word_similar=query_key)
        .only(*SHOWN, "body")
        .annotate(
            closeness=TrigramStrictWordSimilarity(query_key, "names_key"),
            length=Length("names_key"),
        )
        .order_by("-closeness", "length", "pk")[:NAME_CANDIDATES]
    )
    close = []
    for entry in candidates:
        entry.distance, entry.close_name = _closest_name(key, entry)
        if entry.distance <= allowed_edits(key):
            close.append(entry)
    close.sort(key=lambda entry: (entry.distance, _preference(entry.kind)))
    return close


def _suggestion(names: list[SearchEntry]) -> str:
    """The name meant: terms and places first, then roles and approaches; the closest within
    each. Never the query itself."""
    offered = [entry for entry in names if entry.kind in NAME_KINDS and entry.distance > 0]
    offered.sort(key=lambda entry: (_preference(entry.kind), entry.distance))
    return offered[0].close_name if offered else ""


def _preference(kind: str) -> int:
    return 0 if kind in PREFERRED_KINDS else 1


def _closest_name(key: str, entry: SearchEntry) -> tuple[int, str]:
    names = [entry.title, *entry.other_names.splitlines()]
    return min((edit_distance(key, normal(name)), name) for name in names if name.strip())


def allowed_edits(key: str) -> int:
    """How many typing errors still make a name "close": one in a short word, more in longer."""
    if len(key) < 4:
        return 0
    if len(key) <= 7:
        return 1
    return 2 if len(key) <= 12 else 3


def normal(text: str) -> str:
    """Lower case without accents and with single spaces, as names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Letters added, dropped, changed or two neighbours swapped (optimal string alignment).

    Only cells within ``limit`` of the diagonal are counted and the answer stops at limit + 1,
    so a long query costs little.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    over = limit + 1
    previous2: list[int] = []
    previous = [j if j <= limit else over for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, 1):
        current = [i if i <= limit else over] + [over] * len(b)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            char_b = b[j - 1]
            cost = 0 if char_a == char_b else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                best = min(best, previous2[j - 2] + 1)
            current[j] = min(best, over)
        if min(current) >= over:
            return over
        previous2, previous = previous, current
    return previous[-1]


# Results


def _result(entry: Match) -> Result:
    fragments = entry.body_headline.split(FRAGMENT_BREAK)
    return Result(
        kind=entry.kind,
        title=highlight(entry.title_headline),
        description=entry.description,
        other_names=[highlight(name) for name in entry.names_headline.splitlines() if name],
        fragments=[highlight(_snippet(f.strip())) for f in fragments if f.strip()],
        url=entry.url,
        city_name=entry.city_name,
    )


def _similar_result(entry: SearchEntry) -> Result:
    return Result(
        kind=entry.kind,
        title=highlight(entry.title),
        description=entry.description,
        other_names=[highlight(name) for name in entry.other_names.splitlines() if name],
        fragments=[highlight(_snippet(entry.body))] if entry.body else [],
        url=entry.url,
        city_name=entry.city_name,
    )


def highlight(text: str) -> SafeString:
    """Escape indexed text, then turn PostgreSQL's match markers into <mark> elements.

    The markers are private-use characters stripped from everything indexed, so they can only
    come from ts_headline, always in pairs; escaping first keeps any markup in the text inert.
    """
    escaped = escape(text)
    return mark_safe(  # noqa: S308 -- escaped just above; only our own <mark> tags are added
        escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )


def _snippet(text: str, limit: int = 300) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    # A cut must not leave a marker open.
    if cut.count(MARK_START) > cut.count(MARK_STOP):
        cut += MARK_STOP
    return cut + " …"
