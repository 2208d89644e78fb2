"""What the content takes from the article is shown on the city pages, not only stored.

tests/test_article_facts.py checks the structured content; this file checks that every
assessment, trait, period and role of an approach that cites the article can be read on its
city's page (as text, whatever glossary links or Markdown made of it).
"""

import re
from html.parser import HTMLParser

import pytest

from approaches.models import Approach

ARTICLE = "typering-van-de-drie-steden"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def readable_text(html: str) -> str:
    """The page as a reader sees it: text only, whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def plain(markdown: str) -> str:
    """An editor's Markdown as the words it renders to."""
    return " ".join(re.sub(r"[*_`>#]|\[|\]\([^)]*\)", "", markdown).split())


def article_texts(approach: Approach) -> list[str]:
    cited = {"sources__slug": ARTICLE}
    texts = [approach.summary]
    texts += [a.value for a in approach.assessments.filter(**cited)]
    texts += [a.text for a in approach.assessments.filter(**cited)]
    texts += [t.text for t in approach.traits.filter(**cited)]
    texts += [p.description for p in approach.periods.filter(**cited)]
    texts += [r.name for r in approach.roles.all()]
    return [plain(text) for text in texts if text]


@pytest.mark.parametrize("city_slug", ["utrecht", "den-haag", "amsterdam", "rotterdam"])
def test_every_article_text_of_a_city_can_be_read_on_its_page(client, content, city_slug):
    approaches = Approach.objects.filter(city__slug=city_slug)
    page = readable_text(client.get(f"/steden/{city_slug}/").content.decode())

    missing = [text for a in approaches for text in article_texts(a) if text not in page]

    assert approaches.exists()
    assert not missing, "\n".join(missing)


def test_the_check_notices_a_text_that_is_not_on_the_page(client, content):
    trait = Approach.objects.get(city__slug="utrecht").traits.first()
    page = readable_text(client.get("/steden/utrecht/").content.decode())

    assert plain(trait.text) in page
    assert plain(trait.text + " en nog iets dat nergens staat") not in page
