"""Helpers shared by the content modules and the loader."""

from django.utils.text import slugify

from .sources import ARTICLE


def slug_for(name: str) -> str:
    """A slug for a name: 'Oud-West/De Baarsjes' becomes 'oud-west-de-baarsjes'."""
    return slugify(name.replace("/", " "))


def district(name: str, kind: str, sources: list[str], **fields) -> dict:
    """One district as the loader expects it; the slug follows from the name unless given."""
    return {"name": name, "slug": slug_for(name), "kind": kind, "sources": sources} | fields


# The headings of Krijnen's article: the only locators a web article without pages offers.
UTRECHT_SECTION = "Utrecht: wijkgericht werken over de hele stad"
DEN_HAAG_SECTION = "Den Haag: wijkaanpak in zeven (probleem)wijken"
AMSTERDAM_SECTION = "Amsterdam: gebiedsgericht werken als algemene werkmethode"
ELECTIONS_SECTION = "Verkiezingen voor de wijk?"


def in_article(*headings: str) -> str:
    """Where in the article a claim is: 'Krijnen, onder ‘Verkiezingen voor de wijk?’'."""
    return "Krijnen, onder " + " en ".join(f"‘{heading}’" for heading in headings)


def with_passages(approach: dict, heading: str) -> dict:
    """Names, for each part of an approach that cites the article and names no passage itself,
    the heading it comes from: the elections heading for the local-democracy dimension, else
    the city's own heading."""
    for part in [*approach["assessments"], *approach["traits"], *approach["periods"]]:
        if ARTICLE in part["sources"] and "passage" not in part:
            on_democracy = part.get("dimension") == "lokale-democratie"
            part["passage"] = in_article(ELECTIONS_SECTION if on_democracy else heading)
    return approach


def trait(
    kind: str, dimension: str | None, text: str, sources: tuple[str, ...] = (ARTICLE,)
) -> dict:
    """A strength ('sterk'), weakness ('zwak'), risk ('risico') or open question ('open-vraag')."""
    return {"kind": kind, "dimension": dimension, "text": text, "sources": list(sources)}
