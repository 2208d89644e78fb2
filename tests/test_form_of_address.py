"""The public interface addresses the reader as "u", never as "je" or "jij"."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
PUBLIC_TEMPLATES = sorted(
    path for path in TEMPLATES.rglob("*.html") if "admin" not in path.relative_to(TEMPLATES).parts
)


@pytest.mark.parametrize("path", PUBLIC_TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_a_public_template_says_u(path):
    text = re.sub(r"{#.*?#}", "", path.read_text(), flags=re.S)  # comments are for developers
    assert not INFORMAL.findall(text), path


def test_pages_as_served_say_u(client, content):
    for url in ("/", "/over/", "/steden/", "/steden/utrecht/", "/zoeken/?q=wijk", "/begrippen/"):
        page = client.get(url).content.decode()
        body = page[page.index("<main") :]
        assert not INFORMAL.findall(re.sub(r"<[^>]+>", " ", body)), url
