"""Glossary terms in profile text link to their definition on /begrippen/.

The text is sanitised HTML (from ``|rich_text``). It is read with the standard library's HTML
parser and written back token by token, so only text between tags is touched: never a tag, an
attribute, or text that already sits inside a link (or in code or an abbreviation). Each term
links once per section, at its first occurrence, matched as a whole word, ignoring case.

Templates use ``{{ text|rich_text|link_terms:glossary_terms }}``, one section per text; for a
section made of several texts, ``{% with terms=glossary_terms.section %}`` and then
``{{ text|rich_text|link_terms:terms }}`` for each. ``glossary_terms`` comes from the context
processor below, which fetches the terms lazily: one query, only on pages that use it.
"""

import functools
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from library.models import Term

# Text inside these elements is left alone: a link in a link is invalid, and code is literal.
SKIPPED = {"a", "code", "abbr", "h3", "h4"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


@dataclass(frozen=True)
class GlossaryTerm:
    name: str
    url: str


class Glossary:
    """The terms to link, with one pattern that finds any of them."""

    def __init__(self, terms: list[GlossaryTerm]):
        self.by_name = {term.name.casefold(): term for term in terms if term.name.strip()}
        # Longest first, so "sociaal makelaar" wins over "makelaar" at the same place.
        names = sorted(self.by_name, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)",
                re.IGNORECASE,
            )
            if names
            else None
        )

    def __bool__(self) -> bool:
        return self.pattern is not None

    def link(self, html: str) -> SafeString:
        """Links in one piece of text, each term at its first occurrence."""
        return self.section().link(html)

    def section(self) -> "GlossarySection":
        """A section of a page: each term is linked once across all texts passed to it."""
        return GlossarySection(self)


class GlossarySection:
    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.linked: set[str] = set()

    def link(self, html: str) -> SafeString:
        if not self.glossary or not html:
            return mark_safe(html)  # noqa: S308 -- the input is already safe HTML
        out, linked = _linked_text(self.glossary, frozenset(self.linked), str(html))
        self.linked.update(linked)
        return mark_safe(out)  # noqa: S308 -- text re-escaped, tags kept as given


# Linking is done once per text, glossary and terms linked before it in its section, not once
# per page view: a city page links some thirty texts.
LINKED_TEXTS = 4096


@functools.lru_cache(maxsize=LINKED_TEXTS)
def _linked_text(glossary: Glossary, linked_before: frozenset, html: str):
    """The text with its term links, and the terms linked in its section after it."""
    linked = set(linked_before)
    linker = _Linker(glossary, linked)
    linker.feed(html)
    linker.close()
    return "".join(linker.out), frozenset(linked)


def glossary_for(user) -> Glossary:
    """The glossary terms this reader may see (queries the database once)."""
    terms = Term.objects.visible_to(user).order_by("name").values_list("name", "slug")
    return _glossary(reverse("glossary"), tuple(terms))


@functools.lru_cache(maxsize=16)
def _glossary(base: str, terms: tuple[tuple[str, str], ...]) -> Glossary:
    # Built once per list of terms (a Glossary never changes): every page view asks for it.
    return Glossary([GlossaryTerm(name, f"{base}#begrip-{slug}") for name, slug in terms])


def glossary_terms(request) -> dict:
    """Context processor: `glossary_terms`, fetched only if a template uses it."""
    return {"glossary_terms": SimpleLazyObject(lambda: glossary_for(request.user))}


def link_terms(html, glossary) -> SafeString:
    """`html` with term links; plain (unsafe) strings are escaped first."""
    html = conditional_escape(html)
    if not isinstance(glossary, Glossary | GlossarySection):  # none in the context: leave as is
        return html
    return glossary.link(html)


class _Linker(HTMLParser):
    """Copies HTML through, adding term links to text outside links and code."""

    def __init__(self, glossary: Glossary, linked: set[str]):
        super().__init__(convert_charrefs=True)
        self.glossary = glossary
        self.out: list[str] = []
        self.open_skipped: list[str] = []
        self.linked = linked  # shared by the texts of one section

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in SKIPPED:
            self.open_skipped.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        self.out.append(f"</{tag}>")
        if tag in self.open_skipped:
            # Close the innermost open element of this name (and anything left open inside it).
            index = len(self.open_skipped) - 1 - self.open_skipped[::-1].index(tag)
            del self.open_skipped[index:]

    def handle_data(self, data):
        if self.open_skipped:
            self.out.append(escape(data, quote=False))
        else:
            self.out.append(self._linked(data))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_entityref(self, name):  # only reached when convert_charrefs is off
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def _linked(self, text: str) -> str:
        parts, position = [], 0
        for match in self.glossary.pattern.finditer(text):
            key = match.group(1).casefold()
            if key in self.linked:
                continue
            self.linked.add(key)
            term = self.glossary.by_name[key]
            parts.append(escape(text[position : match.start()], quote=False))
            parts.append(
                f'<a class="term-link" href="{escape(term.url)}">{escape(match.group(1))}</a>'
            )
            position = match.end()
        parts.append(escape(text[position:], quote=False))
        return "".join(parts)
