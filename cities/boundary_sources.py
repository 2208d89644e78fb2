"""The publications the map boundaries come from (README, "Kaartdata").

The districts that ``load_boundaries`` creates cite them; the initial content lists them among
its sources too, so both create the same rows.
"""

CBS_WIJKKAART_2018 = "cbs-wijk-en-buurtkaart-2018"
AMSTERDAM_GEBIEDEN = "amsterdam-gebiedsindeling"

BOUNDARY_SOURCES = [
    {
        "slug": CBS_WIJKKAART_2018,
        "title": "CBS Wijk- en Buurtkaart 2018",
        "kind": "data",
        "author": "Kadaster / Centraal Bureau voor de Statistiek",
        "publisher": "PDOK",
        "published_on_note": "indeling 2018",
        "url": "https://service.pdok.nl/cbs/gebiedsindelingen/2018/wfs/v1_0",
        "description": (
            "De wijkindeling van 2018 met de CBS-wijkcodes en -namen en de (gegeneraliseerde) "
            "grenzen van de wijken. Open data onder CC BY 4.0; vermelding: "
            "Kadaster / Centraal Bureau voor de Statistiek, 2018."
        ),
    },
    {
        "slug": AMSTERDAM_GEBIEDEN,
        "title": "Gebiedsindeling Amsterdam (open geodata)",
        "kind": "data",
        "publisher": "Gemeente Amsterdam",
        "published_on_note": "indeling van de 22 gebieden, stand december 2020",
        "url": (
            "https://maps.amsterdam.nl/open_geodata/geojson_lnglat.php"
            "?KAARTLAAG=INDELING_GEBIED&THEMA=gebiedsindeling"
        ),
        "description": (
            "De 22 gebieden van het gebiedsgericht werken (2015–2022) met hun codes DX01 tot en "
            "met DX22, de stadsdelen waarin ze liggen en hun grenzen."
        ),
    },
]


def has_boundary(district) -> bool:
    """Whether the district has a boundary, without reading it where the query said so."""
    if hasattr(district, "has_boundary"):
        return district.has_boundary
    return district.geometry is not None


def boundary_source_slug(district) -> str:
    """The publication a district's boundary (so its area and neighbours) comes from, if any."""
    if not has_boundary(district):
        return ""
    return CBS_WIJKKAART_2018 if district.cbs_code else AMSTERDAM_GEBIEDEN
