"""Helpers shared by the content modules and the loader."""

from django.utils.text import slugify

from .sources import ARTICLE


def slug_for(name: str) -> str:
    """A slug for a name: 'Oud-West/De Baarsjes' becomes 'oud-west-de-baarsjes'."""
    return slugify(name.replace("/", " "))


def district(name: str, kind: str, sources: list[str], **fields) -> dict:
    """One district as the loader expects it; the slug follows from the name unless given."""
    return {"name": name, "slug": slug_for(name), "kind": kind, "sources": sources} | fields


def trait(
    kind: str, dimension: str | None, text: str, sources: tuple[str, ...] = (ARTICLE,)
) -> dict:
    """A strength ('sterk'), weakness ('zwak'), risk ('risico') or open question ('open-vraag')."""
    return {"kind": kind, "dimension": dimension, "text": text, "sources": list(sources)}
