"""Load open boundary data into City and District rows (see README, "Kaartdata").

The three GeoJSON files stay where they are (``settings.BOUNDARY_DATA_DIR``); this module only
reads them. Loading is idempotent: existing rows get their geometry (and a larger area if they
have none) and nothing else, so an editor's names, texts and flags are never overwritten.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from cities.boundary_sources import AMSTERDAM_GEBIEDEN, BOUNDARY_SOURCES, CBS_WIJKKAART_2018
from cities.geometry import area_km2, neighbour_pairs
from cities.models import City, District
from editorial.bulk import bulk_change
from editorial.models import Status
from library.models import Source

WIJKEN_FILE = "wijken-2018.geojson"
GEMEENTEN_FILE = "gemeenten-2018.geojson"
GEBIEDEN_FILE = "amsterdam-gebieden.geojson"
FILES = (GEMEENTEN_FILE, WIJKEN_FILE, GEBIEDEN_FILE)

# Rotterdam's CBS wijken that are mostly port or business park rather than where people live.
NON_RESIDENTIAL_WIJKEN = {
    "WK059918",  # Spaanse Polder
    "WK059919",  # Nieuw Mathenesse
    "WK059921",  # Waalhaven-Eemhaven
    "WK059922",  # Vondelingenplaat
    "WK059923",  # Botlek-Europoort-Maasvlakte
    "WK059924",  # Rotterdam-Noord-West
    "WK059925",  # Rivium
    "WK059926",  # Bedrijventerrein Schieveen
}
WIJK_NUMBER_PREFIX = re.compile(r"^Wijk \d{2} ")
SCANLINES = 60


class BoundaryDataError(Exception):
    """The files cannot be read; the message says why, in Dutch."""


class BoundaryDataMissing(BoundaryDataError):
    pass


@dataclass
class Report:
    cities: Counter = field(default_factory=Counter)
    districts: Counter = field(default_factory=Counter)
    unknown_cities: set = field(default_factory=set)
    # Districts whose search entry must follow: created, or placed in a larger area.
    touched: set = field(default_factory=set)

    @property
    def changed_anything(self) -> bool:
        c, d = self.cities, self.districts
        moved = ("created", "updated", "parent", "area", "neighbour_changes")
        return bool(c["updated"] or any(d[key] for key in moved))

    def lines(self) -> list[str]:
        c, d = self.cities, self.districts
        lines = [
            f"Steden: {c['updated']} grens bijgewerkt, {c['unchanged']} ongewijzigd.",
            f"Wijken en gebieden: {d['created']} aangemaakt, {d['updated']} grens bijgewerkt, "
            f"{d['unchanged']} ongewijzigd, {d['parent']} aan een groter gebied gekoppeld.",
            f"Afgeleid: {d['area']} oppervlakten bijgewerkt, {d['neighbours']} paren buren.",
        ]
        if self.unknown_cities:
            codes = ", ".join(sorted(self.unknown_cities))
            lines.append(f"Overgeslagen (geen stad met deze CBS-code): {codes}.")
        return lines


def read_features(directory: Path) -> dict[str, list[dict]]:
    missing = [name for name in FILES if not (directory / name).is_file()]
    if missing:
        raise BoundaryDataMissing(f"Kaartdata ontbreekt in {directory}: {', '.join(missing)}.")
    try:
        return {name: json.loads((directory / name).read_text())["features"] for name in FILES}
    except (ValueError, KeyError, TypeError) as error:
        raise BoundaryDataError(
            f"Kaartdata in {directory} is geen geldige GeoJSON: {error}"
        ) from error


def district_slug(name: str) -> str:
    """Slugs as the initial content makes them: "Oud-West/De Baarsjes" -> "oud-west-de-baarsjes"."""
    return slugify(name.replace("/", " "))


def display_name(cbs_name: str) -> str:
    """'Wijk 01 West' becomes 'West'; names without the number stay as they are."""
    return WIJK_NUMBER_PREFIX.sub("", cbs_name)


def load(directory: Path) -> Report:
    """Read the files and apply them in one transaction.

    Geometry is written with update(), which sends no signals; as a bulk change, the content
    version (the key of the page cache) is raised once at the end and the search index rebuilt.
    """
    features = read_features(directory)
    report = Report()
    with bulk_change() as change:
        cities = {city.cbs_code: city for city in City.objects.all()}
        sources = {slug: _source(slug) for slug in (CBS_WIJKKAART_2018, AMSTERDAM_GEBIEDEN)}
        _load_cities(features[GEMEENTEN_FILE], cities, report)
        _load_gebieden(features[GEBIEDEN_FILE], cities, sources[AMSTERDAM_GEBIEDEN], report)
        _load_wijken(features[WIJKEN_FILE], cities, sources[CBS_WIJKKAART_2018], report)
        derive_facts(report)
        # Run again on the same files, nothing moved: the page cache and search stay as they are.
        change.changed = report.changed_anything
    return report


def derive_facts(report: Report) -> None:
    """Store each district's area and the districts it borders, computed from the boundaries.

    Neighbours are sought within one city and one layer: CBS wijken border CBS wijken, and
    municipal areas (Amsterdam's gebieden) border each other; the two layers were drawn apart
    and do not share edges. Written with update() and the link table: not editorial changes.
    """
    layers: dict[tuple, dict[int, dict]] = {}
    for pk, city_id, cbs_code, shape, stored in District.objects.filter(
        geometry__isnull=False
    ).values_list("pk", "city_id", "cbs_code", "geometry", "area_km2"):
        area = area_km2(shape)
        if area is not None and (stored is None or abs(stored - area) > 1e-9):
            District.objects.filter(pk=pk).update(area_km2=area)
            report.districts["area"] += 1
        layers.setdefault((city_id, bool(cbs_code)), {})[pk] = shape
    pairs = set()
    for shapes in layers.values():
        pairs |= neighbour_pairs(shapes)
    _store_neighbours(pairs, report)


def _store_neighbours(pairs: set[tuple], report: Report) -> None:
    links = District.neighbours.through
    wanted = pairs | {(b, a) for a, b in pairs}
    existing = set(links.objects.values_list("from_district_id", "to_district_id"))
    report.districts["neighbour_changes"] = len(existing ^ wanted)
    for a, b in existing - wanted:  # a boundary that moved away
        links.objects.filter(from_district_id=a, to_district_id=b).delete()
    links.objects.bulk_create(
        links(from_district_id=a, to_district_id=b) for a, b in wanted - existing
    )
    report.districts["neighbours"] = len(pairs)


def _source(slug: str) -> Source:
    """The content's own Source row when it is loaded, else one made from the same definition."""
    definition = next(s for s in BOUNDARY_SOURCES if s["slug"] == slug)
    defaults = {k: v for k, v in definition.items() if k != "slug"} | {"status": Status.PUBLISHED}
    return Source.objects.get_or_create(slug=slug, defaults=defaults)[0]


def _set_geometry(model, obj, geometry: dict, counter: Counter) -> None:
    # update() rather than save(): geometry is not editorial content, so it must not bump the
    # version or the "last changed" date that readers see.
    if obj.geometry == geometry:
        counter["unchanged"] += 1
        return
    model.objects.filter(pk=obj.pk).update(geometry=geometry)
    obj.geometry = geometry
    counter["updated"] += 1


def _load_cities(features, cities: dict, report: Report) -> None:
    for feature in features:
        city = cities.get(feature["properties"]["code"])
        if city is None:
            report.unknown_cities.add(feature["properties"]["code"])
            continue
        _set_geometry(City, city, feature["geometry"], report.cities)


def _load_gebieden(features, cities: dict, source: Source, report: Report) -> None:
    for feature in features:
        props = feature["properties"]
        city = cities.get(props["municipality_code"])
        if city is None:
            report.unknown_cities.add(props["municipality_code"])
            continue
        existing = District.objects.filter(city=city, municipal_code=props["code"]).first()
        if existing:
            _set_geometry(District, existing, feature["geometry"], report.districts)
            continue
        _create(
            city,
            source,
            report,
            name=props["name"],
            kind=District.Kind.GEBIED,
            municipal_code=props["code"],
            geometry=feature["geometry"],
        )


def _load_wijken(features, cities: dict, source: Source, report: Report) -> None:
    existing = {d.cbs_code: d for d in District.objects.exclude(cbs_code="")}
    containers = _containers_by_city()
    for feature in features:
        props = feature["properties"]
        city = cities.get(props["municipality_code"])
        if city is None:
            report.unknown_cities.add(props["municipality_code"])
            continue
        district = existing.get(props["code"])
        parent = None
        if district is None or district.parent_id is None:
            parent = _largest_overlap(feature["geometry"], containers.get(city.pk, []))
        if district is None:
            _create(
                city,
                source,
                report,
                name=display_name(props["name"]),
                kind=District.Kind.WIJK,
                cbs_code=props["code"],
                geometry=feature["geometry"],
                parent=parent,
                is_non_residential=props["code"] in NON_RESIDENTIAL_WIJKEN,
            )
            continue
        _set_geometry(District, district, feature["geometry"], report.districts)
        if parent is not None:
            District.objects.filter(pk=district.pk).update(parent=parent)
            report.districts["parent"] += 1
            report.touched.add(district.pk)


def _create(city: City, source: Source, report: Report, **fields) -> District:
    slug = _free_slug(city, district_slug(fields["name"]), fields.get("cbs_code", ""))
    district = District.objects.create(city=city, slug=slug, status=Status.PUBLISHED, **fields)
    district.sources.add(source)
    report.districts["created"] += 1
    report.touched.add(district.pk)
    if fields.get("parent"):
        report.districts["parent"] += 1
    return district


def _free_slug(city: City, slug: str, code: str) -> str:
    """The name's slug, or with '-wijk' (then the CBS code) added where a gebied already has it."""
    taken = set(District.objects.filter(city=city).values_list("slug", flat=True))
    for candidate in (slug, f"{slug}-wijk", f"{slug}-{code.lower()}"):
        if candidate and candidate not in taken:
            return candidate
    raise ValueError(f"Geen vrije slug voor {slug} in {city}.")


# --- which larger area holds a wijk ------------------------------------------------------------


@dataclass
class Container:
    district: District
    rings: list
    bounds: tuple


def _containers_by_city() -> dict[int, list[Container]]:
    """Municipal areas with a boundary (Amsterdam's gebieden): the areas CBS wijken lie in."""
    containers: dict[int, list[Container]] = {}
    for area in District.objects.filter(cbs_code="", geometry__isnull=False).exclude(
        municipal_code=""
    ):
        rings = _rings(area.geometry)
        containers.setdefault(area.city_id, []).append(Container(area, rings, _bounds(rings)))
    return containers


def _rings(shape: dict) -> list[list[tuple]]:
    polygons = [shape["coordinates"]] if shape["type"] == "Polygon" else shape["coordinates"]
    return [[(p[0], p[1]) for p in ring] for polygon in polygons for ring in polygon]


def _bounds(rings) -> tuple[float, float, float, float]:
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _spans(rings, y: float) -> list[tuple[float, float]]:
    """The stretches of the horizontal line at y inside the polygon (even-odd, so holes work)."""
    xs = []
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    xs.sort()
    return list(zip(xs[::2], xs[1::2], strict=False))


def _overlap(a: list[tuple], b: list[tuple]) -> float:
    total, i, j = 0.0, 0, 0
    while i < len(a) and j < len(b):
        total += max(0.0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _largest_overlap(shape: dict, containers: list[Container]) -> District | None:
    """The area that holds most of the geometry, by integrating overlap along scanlines.

    Pure Python and exact along each line; sixty lines per wijk are plenty when, as in the data,
    every wijk has at least 71 % of its area in one gebied.
    """
    if not containers:
        return None
    rings = _rings(shape)
    west, south, east, north = _bounds(rings)
    candidates = [
        c
        for c in containers
        if c.bounds[0] < east and c.bounds[2] > west and c.bounds[1] < north and c.bounds[3] > south
    ]
    shares = [0.0] * len(candidates)
    for k in range(SCANLINES):
        y = south + (k + 0.5) * (north - south) / SCANLINES
        inside = _spans(rings, y)
        if inside:
            for n, container in enumerate(candidates):
                shares[n] += _overlap(inside, _spans(container.rings, y))
    best = max(range(len(candidates)), key=shares.__getitem__, default=None)
    return candidates[best].district if best is not None and shares[best] > 0 else None
