"""The fields of every downloadable table, defined once.

Each column names its field, its type, what it means (the data dictionary on /data/) and how it
is read from a published object. The JSON API, the CSV and GeoJSON downloads and the data
dictionary are all built from these lists, so a new field is added here and appears everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from cities.models import District
from library.models import Source


@dataclass(frozen=True)
class Column:
    name: str
    type: Any
    description: str
    value: Callable[[Any], Any]

    @property
    def type_label(self) -> str:
        """The type as the data dictionary names it."""
        return TYPE_LABELS.get(self.type, "tekst")


TYPE_LABELS = {
    str: "tekst",
    str | None: "tekst of leeg",
    bool: "ja/nee",
    date | None: "datum (JJJJ-MM-DD) of leeg",
    list[str]: "lijst van slugs",
}


def _or_none(text: str) -> str | None:
    return text or None


def _published_parent_slug(district: District) -> str | None:
    """The larger area, if the public may see it (its slug is then a valid link)."""
    parent = district.parent
    return parent.slug if parent is not None and parent.is_published else None


def _source_slugs(obj) -> list[str]:
    """Slugs of the published sources it cites; callers prefetch ``published_sources``."""
    return [source.slug for source in obj.published_sources]


DISTRICT_COLUMNS = [
    Column("slug", str, "Vaste naam in adressen; uniek binnen de stad.", lambda d: d.slug),
    Column("name", str, "Naam van de wijk of het gebied.", lambda d: d.name),
    Column("city", str, "Slug van de stad.", lambda d: d.city.slug),
    Column(
        "kind",
        str,
        "Soort: stadsdeel, gebied, wijk of buurt (van groot naar klein).",
        lambda d: d.kind,
    ),
    Column(
        "parent",
        str | None,
        "Slug van het grotere gebied waarin deze wijk ligt; leeg als er geen is.",
        _published_parent_slug,
    ),
    Column(
        "cbs_code",
        str | None,
        "CBS-wijkcode (WK + zes cijfers), als in de Wijk- en Buurtkaart; leeg als die er niet is.",
        lambda d: _or_none(d.cbs_code),
    ),
    Column(
        "municipal_code",
        str | None,
        "Code die de gemeente zelf gebruikt (bijvoorbeeld DX01 voor een Amsterdams gebied).",
        lambda d: _or_none(d.municipal_code),
    ),
    Column(
        "focus_area",
        str,
        "Of de wijk een focuswijk is van de aanpak van de stad: ja, nee of onbekend (de bronnen"
        " zeggen het niet).",
        lambda d: d.focus_area,
    ),
    Column(
        "elected_body",
        str | None,
        "Eigen gekozen of gelote orgaan: stadsdeelcommissie, gebiedscommissie, wijkraad of "
        "wijkcomite; leeg als er geen is.",
        lambda d: _or_none(d.body),
    ),
    Column(
        "is_non_residential",
        bool,
        "Of het vooral een haven- of bedrijfsgebied is.",
        lambda d: d.is_non_residential,
    ),
    Column("summary", str, "Korte beschrijving (Markdown); kan leeg zijn.", lambda d: d.summary),
    Column("url", str, "Adres van de pagina op Buurtwijs.", lambda d: d.get_absolute_url()),
]

TERM_COLUMNS = [
    Column("slug", str, "Vaste naam in adressen.", lambda t: t.slug),
    Column("name", str, "Het begrip.", lambda t: t.name),
    Column("definition", str, "Uitleg (Markdown).", lambda t: t.definition),
    Column(
        "general_definition",
        bool,
        "Of de uitleg van het woord een algemene omschrijving is, niet uit een bron; de bronnen "
        "onderbouwen dan alleen wat er over de steden staat.",
        lambda t: t.general_definition,
    ),
    Column(
        "sources",
        list[str],
        "Slugs van de bronnen bij de uitleg (zie general_definition).",
        _source_slugs,
    ),
    Column("url", str, "Adres van het begrip op Buurtwijs.", lambda t: t.get_absolute_url()),
]

SOURCE_COLUMNS = [
    Column(
        "slug",
        str,
        "Vaste naam in adressen; zo verwijst de rest van de data naar een bron.",
        lambda s: s.slug,
    ),  # fmt: skip
    Column("title", str, "Titel van de publicatie.", lambda s: s.title),
    Column(
        "kind",
        str,
        "Soort: " + ", ".join(f"{value} ({label.lower()})" for value, label in Source.Kind.choices),
        lambda s: s.kind,
    ),
    Column("author", str | None, "Auteur; leeg als onbekend.", lambda s: _or_none(s.author)),
    Column(
        "publisher", str | None, "Uitgever; leeg als onbekend.", lambda s: _or_none(s.publisher)
    ),
    Column(
        "published_on",
        date | None,
        "Publicatiedatum; leeg als die niet precies bekend is.",
        lambda s: s.published_on,
    ),
    Column(
        "published_on_note",
        str | None,
        "Toelichting bij de datum, bijvoorbeeld ‘geschreven vóór 21 maart 2018’.",
        lambda s: _or_none(s.published_on_note),
    ),
    Column(
        "web_address",
        str | None,
        "Webadres van de publicatie; leeg als er geen is.",
        lambda s: _or_none(s.url),
    ),  # fmt: skip
    Column("description", str, "Beschrijving (Markdown); kan leeg zijn.", lambda s: s.description),
    Column("url", str, "Adres van de bron op Buurtwijs.", lambda s: s.get_absolute_url()),
]


def row(columns: list[Column], obj) -> dict:
    return {column.name: column.value(obj) for column in columns}
