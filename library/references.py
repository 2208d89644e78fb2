"""Numbered references, as in a research report: each claim ends with the numbers of its sources.

A page numbers its sources in the order in which it first cites them; a source cited by several
claims keeps its one number. The markup is the site's convention,
``<sup class="ref"><a href="#bron-N">N</a></sup>``, with ``<li id="bron-N">`` in the page's
``<ol class="references">``. Where a claim names its passage (where in the source it stands),
the link carries it as its title and the list entry lists every passage the page cites.
"""

from dataclasses import dataclass, field

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from library.models import Source


@dataclass
class Reference:
    number: int
    source: Source
    passages: list[str] = field(default_factory=list)

    def add_passage(self, passage: str) -> None:
        if passage and passage not in self.passages:
            self.passages.append(passage)


class References:
    def __init__(self):
        self.entries: list[Reference] = []
        self._by_source: dict[int, Reference] = {}

    @property
    def sources(self) -> list[Source]:
        return [entry.source for entry in self.entries]

    def cite(self, sources, passage: str = "") -> SafeString:
        """The superscript for one claim; empty when the claim names no source."""
        sources = list(dict.fromkeys(sources))
        owners = passage_owners(sources, passage)
        links = []
        for source in sources:
            entry = self._entry(source)
            located = source in owners
            if located:
                entry.add_passage(passage)
            links.append((entry.number, passage if located else ""))
        if not links:
            return mark_safe("")
        numbers = format_html_join(", ", "{}", map(_link, sorted(links)))
        return format_html('<sup class="ref">{}</sup>', numbers)

    def _entry(self, source: Source) -> Reference:
        if source.pk not in self._by_source:
            entry = Reference(len(self.entries) + 1, source)
            self.entries.append(entry)
            self._by_source[source.pk] = entry
        return self._by_source[source.pk]


def passage_owners(sources: list[Source], passage: str) -> list[Source]:
    """The sources a passage points into. Editors name the source in the passage when a claim has
    several ("Krijnen, onder ..."); when the passage names none of them, it is the claim's own
    and goes with each."""
    if not passage:
        return []
    if len(sources) == 1:
        return sources
    named = [source for source in sources if _is_named_in(source, passage)]
    return named or sources


def _is_named_in(source: Source, passage: str) -> bool:
    surname = source.author.split()[-1] if source.author.strip() else ""
    text = passage.casefold()
    return bool(surname and surname.casefold() in text) or source.title.casefold() in text


def _link(number_and_passage: tuple[int, str]) -> tuple[SafeString]:
    number, passage = number_and_passage
    if passage:
        link = '<a href="#bron-{0}" aria-label="bron {0}" title="{1}">{0}</a>'
        return (format_html(link, number, passage),)
    return (format_html('<a href="#bron-{0}" aria-label="bron {0}">{0}</a>', number),)


def at_end(html: str, refs: str) -> SafeString:
    """Rendered text with the numbers inside its closing paragraph, or after it."""
    html, refs = str(conditional_escape(html)).rstrip(), str(conditional_escape(refs))
    if refs and html.endswith("</p>"):
        return mark_safe(html[: -len("</p>")] + refs + "</p>")  # noqa: S308 -- escaped above
    return mark_safe(html + refs)  # noqa: S308 -- both escaped above
