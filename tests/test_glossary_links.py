"""Glossary terms in profile text link to /begrippen/: once, never inside links, valid HTML."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from editorial.models import Status
from library.glossary_links import (
    Glossary,
    GlossaryTerm,
    glossary_for,
    glossary_terms,
    link_terms,
)
from library.rich_text import render_markdown
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_term,
)

KANTELING = GlossaryTerm("Kanteling", "/begrippen/#begrip-kanteling")
WMO = GlossaryTerm("Wmo", "/begrippen/#begrip-wmo")
MAKELAAR = GlossaryTerm("makelaar", "/begrippen/#begrip-makelaar")
SOCIAAL_MAKELAAR = GlossaryTerm("sociaal makelaar", "/begrippen/#begrip-sociaal-makelaar")
GLOSSARY = Glossary([KANTELING, WMO, MAKELAAR, SOCIAAL_MAKELAAR])


def linked(markdown_text: str, glossary: Glossary = GLOSSARY) -> str:
    return str(link_terms(render_markdown(markdown_text), glossary))


def link(term: GlossaryTerm, text: str) -> str:
    return f'<a class="term-link" href="{term.url}">{text}</a>'


class TagBalance(HTMLParser):
    """Fails on an end tag that closes nothing or on elements left open."""

    VOID = {"br", "hr", "img"}

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()


def assert_balanced(html: str) -> None:
    checker = TagBalance()
    checker.feed(html)
    checker.close()
    assert checker.stack == []


def test_only_the_first_occurrence_links():
    html = linked("De kanteling is traag. Die kanteling gaat door.")

    assert html == f"<p>De {link(KANTELING, 'kanteling')} is traag. Die kanteling gaat door.</p>"


def test_case_is_ignored_and_the_text_keeps_its_own_case():
    assert link(WMO, "WMO") in linked("De WMO en de Wmo.")


def test_whole_words_only():
    html = linked("Wmo-consulenten, maar geen kantelingen of makelaars.")

    assert link(WMO, "Wmo") in html
    assert "kantelingen" in html and "makelaars" in html
    assert html.count("term-link") == 1


def test_the_longest_term_wins_where_terms_overlap():
    html = linked("Een sociaal makelaar is een makelaar.")

    assert link(SOCIAAL_MAKELAAR, "sociaal makelaar") in html
    assert f"een {link(MAKELAAR, 'makelaar')}." in html


def test_text_inside_an_existing_link_is_left_alone():
    html = linked("Zie [de kanteling](https://example.org/kanteling) en de kanteling.")

    assert (
        '<a href="https://example.org/kanteling" rel="noopener noreferrer">de kanteling</a>' in html
    )
    assert f"en de {link(KANTELING, 'kanteling')}." in html
    assert_balanced(html)


def test_attributes_are_never_touched():
    html = linked('[Wmo-loket](https://example.org/?q=wmo "Over de Wmo")')

    assert 'title="Over de Wmo"' in html and "q=wmo" in html
    assert "term-link" not in html


def test_code_and_abbreviations_are_left_alone():
    safe = mark_safe('<p><code>kanteling</code> <abbr title="x">Wmo</abbr></p>')

    html = str(link_terms(safe, GLOSSARY))

    assert html == '<p><code>kanteling</code> <abbr title="x">Wmo</abbr></p>'


def test_the_html_stays_valid_and_escaped():
    source = (
        "**De kanteling** & _de Wmo_ < 3\n\n"
        "- een makelaar\n- [een sociaal makelaar](https://example.org)\n\n"
        "> Citaat over de kanteling"
    )
    html = linked(source)

    assert_balanced(html)
    assert "&amp;" in html and "&lt; 3" in html
    assert f"<strong>De {link(KANTELING, 'kanteling')}</strong>" in html
    assert f"<em>de {link(WMO, 'Wmo')}</em>" in html
    assert html.count("term-link") == 3  # kanteling, Wmo, makelaar; not inside the link


def test_a_section_links_each_term_once_across_its_texts():
    section = GLOSSARY.section()

    first = str(link_terms(render_markdown("De kanteling."), section))
    second = str(link_terms(render_markdown("Nog een kanteling."), section))

    assert "term-link" in first and "term-link" not in second


def test_a_text_linked_before_is_linked_anew_after_other_texts_in_its_section():
    kanteling = render_markdown("De kanteling en de Wmo.")
    alone = str(link_terms(kanteling, GLOSSARY.section()))

    section = GLOSSARY.section()
    link_terms(render_markdown("Eerst de Wmo."), section)
    after_wmo = str(link_terms(kanteling, section))
    later = str(link_terms(render_markdown("Weer de kanteling en de Wmo."), section))

    assert link(KANTELING, "kanteling") in alone and link(WMO, "Wmo") in alone
    assert link(KANTELING, "kanteling") in after_wmo and "begrip-wmo" not in after_wmo
    assert "term-link" not in later


def test_plain_strings_are_escaped_before_linking():
    html = str(link_terms("<b>kanteling</b>", GLOSSARY))

    assert html == f"&lt;b&gt;{link(KANTELING, 'kanteling')}&lt;/b&gt;"


def test_without_a_glossary_the_text_is_unchanged():
    html = render_markdown("De kanteling.")

    assert link_terms(html, "") == html
    assert link_terms(html, Glossary([])) == html


def test_term_names_with_special_characters_are_matched_literally():
    glossary = Glossary([GlossaryTerm("C++ (taal)", "/begrippen/#begrip-c")])

    assert "term-link" in str(link_terms(render_markdown("Over C++ (taal) hier."), glossary))
    assert "term-link" not in str(link_terms(render_markdown("Over C (taal) hier."), glossary))


@pytest.mark.django_db
def test_the_filter_fetches_published_terms_once_per_request(django_assert_num_queries):
    make_term(name="Kanteling", slug="kanteling")
    make_term(name="Wijkagenda", slug="wijkagenda", status=Status.DRAFT)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    template = Template(
        "{% load rich_text %}{% for text in texts %}"
        "{{ text|rich_text|link_terms:glossary_terms }}{% endfor %}"
    )
    context = Context({"texts": ["De kanteling.", "De wijkagenda.", "Weer kanteling."]})
    context.update(glossary_terms(request))

    with django_assert_num_queries(1):
        html = template.render(context)

    assert html.count('href="/begrippen/#begrip-kanteling"') == 2  # once per text
    assert "begrip-wijkagenda" not in html


@pytest.mark.django_db
def test_staff_see_draft_terms_linked():
    make_term(name="Wijkagenda", slug="wijkagenda", status=Status.DRAFT)

    class Staff:
        is_authenticated = True
        is_staff = True

    html = str(link_terms(render_markdown("De wijkagenda."), glossary_for(Staff())))

    assert 'href="/begrippen/#begrip-wijkagenda"' in html


@pytest.mark.django_db
def test_the_city_page_links_terms_once_per_section(client):
    make_term(name="Kanteling", slug="kanteling")
    city = make_city(name="Utrecht", slug="utrecht", summary="Over de kanteling.")
    approach = make_approach(city=city, summary="De kanteling.", body="Weer de kanteling.")
    dimension = make_dimension(name="Sturing")
    make_assessment(approach=approach, dimension=dimension, text="Een kanteling.")
    make_assessment(approach=approach, text="Nog een kanteling.")

    html = client.get("/steden/utrecht/").text

    # The summary, the approach section and the assessments section: once each.
    assert html.count('href="/begrippen/#begrip-kanteling"') == 3
