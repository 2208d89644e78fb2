"""Whatever an editor types in a long (Markdown) text, no script reaches a reader's browser.

Every rich field is filled with each payload of a corpus and its public page is fetched. Each
payload carries the number 31337; it may survive as harmless text, but never in an event handler,
a style, a link or source address, or inside a script or style element.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from library.rich_text import ALLOWED_TAGS, render_markdown
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_district,
    make_period,
    make_role,
    make_source,
    make_term,
    make_trait,
)

MARK = "31337"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "xlink:href", "poster"}

# "Wmo" is a glossary term, so the glossary linking that runs after sanitising is attacked too.
PAYLOADS = [
    "<script>alert(31337)</script>",
    "Wmo <script>alert(31337)</script>",
    "<img src=x onerror=alert(31337)>",
    "[klik](javascript:alert(31337))",
    "[Wmo](javascript:alert(31337))",
    "[klik](JaVaScRiPt:alert(31337))",
    "[klik](&#106;avascript:alert(31337))",
    "[klik](data:text/html,<script>alert(31337)</script>)",
    "![plaatje](javascript:alert(31337))",
    '<a href="javascript:alert(31337)">klik</a>',
    '<a href="jav&#x09;ascript:alert(31337)">klik</a>',
    '<a href="vbscript:alert(31337)">klik</a>',
    '<a href="https://example.org" onclick="alert(31337)">klik</a>',
    '<abbr title="Wmo" onmouseover="alert(31337)">Wmo</abbr>',
    "<p style=\"background:url('javascript:alert(31337)')\">tekst</p>",
    '<div onmouseover="alert(31337)">Wmo</div>',
    "<svg onload=alert(31337)>",
    '<iframe src="javascript:alert(31337)"></iframe>',
    '<object data="javascript:alert(31337)"></object>',
    '<form action="javascript:alert(31337)"><button>verstuur</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(31337)>",
    '"><script>alert(31337)</script>',
    "<<script>alert(31337)//<</script>",
    "<style>body{background:url(javascript:alert(31337))}</style>",
    '<a href="https://example.org" title="x&quot; onmouseover=&quot;alert(31337)">Wmo</a>',
    "`<script>alert(31337)</script>`",
    "> <script>alert(31337)</script>\n\n- <img src=x onerror=alert(31337)>",
]


class ScriptFinder(HTMLParser):
    """Collects every place where the mark could run: handlers, styles, links, scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.raw_element = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            # A title may quote the payload as text; an event handler, style or link may not.
            runs = name.startswith("on") or name == "style" or name in URL_ATTRIBUTES
            if MARK in name or (runs and MARK in (value or "")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in {"script", "style"}:
            self.raw_element = tag

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == self.raw_element:
            self.raw_element = ""

    def handle_data(self, data):
        if self.raw_element and MARK in data:
            self.found.append(f"<{self.raw_element}>{data}")


def dangerous_places(html: str) -> list[str]:
    finder = ScriptFinder()
    finder.feed(html)
    return finder.found


def fill_every_rich_field(text: str) -> dict[str, str]:
    """Published content with ``text`` in every Markdown field; returns the pages showing them."""
    make_term(name="Wmo", slug="wmo", definition="Wet maatschappelijke ondersteuning.")
    city = make_city(slug="utrecht", summary=text, democracy_text=text)
    district = make_district(city=city, slug="overvecht", summary=text)
    approach = make_approach(
        city=city, summary=text, body=text, is_incomplete=True, incomplete_note=text
    )
    make_assessment(approach=approach, text=text)
    make_trait(approach=approach, text=text)
    make_period(approach=approach, description=text)
    make_role(description=text).approaches.add(approach)
    make_term(definition=text)
    make_source(description=text)
    return {
        "home": reverse("home"),
        "steden": reverse("cities:list"),
        "stad": city.get_absolute_url(),
        "wijk": district.get_absolute_url(),
        "begrippen": reverse("glossary"),
        "bronnen": reverse("sources"),
    }


def test_every_rich_field_is_rendered_as_markdown_on_a_public_page(client, db):
    pages = fill_every_rich_field("Een **vette** tekst met [een link](https://example.org/31337).")
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert "<strong>vette</strong>" in html, name
        assert 'href="https://example.org/31337"' in html, name
    city_page = client.get(pages["stad"]).content.decode()
    # city: 2 fields, approach: 3, assessment, trait, period, role: 1 each.
    assert city_page.count("<strong>vette</strong>") >= 9


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_can_run_script_on_any_public_page(client, db, payload):
    pages = fill_every_rich_field(payload)
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert dangerous_places(response.content.decode()) == [], name


class Markup(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sanitiser_keeps_only_the_allowed_tags_and_attributes(payload):
    html = str(render_markdown(payload))
    markup = Markup(html)
    assert dangerous_places(html) == []
    assert markup.tags <= ALLOWED_TAGS
    assert markup.attributes <= {"href", "title", "rel"}
    assert all(scheme not in html.lower() for scheme in ['href="javascript', 'href="data'])


def test_the_finder_does_notice_an_event_handler():
    assert dangerous_places('<p onclick="alert(31337)">x</p>') != []
    assert dangerous_places("<script>alert(31337)</script>") != []
    assert dangerous_places('<a href="javascript:alert(31337)">x</a>') != []
    assert dangerous_places("<p>alert(31337)</p>") == []


def test_ordinary_markdown_keeps_its_meaning():
    html = str(
        render_markdown(
            "Een *nadruk*, **vet**, `code` en [bron](https://example.org).\n\n- een\n- twee"
        )
    )
    assert "<em>nadruk</em>" in html
    assert "<strong>vet</strong>" in html
    assert "<code>code</code>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">bron</a>' in html
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in html
