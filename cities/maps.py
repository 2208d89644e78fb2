"""Server-drawn SVG maps of cities and their districts.

Boundaries are GeoJSON in WGS84 (see ``cities.boundaries``). A map projects them onto a plane
with a simple equirectangular projection (longitude scaled by the cosine of the map's central
latitude, which is accurate enough for a city at Dutch latitudes), fits them into a viewBox,
simplifies every ring for the drawing size and writes compact path data. Outer rings run
counter-clockwise and holes clockwise, so ``fill-rule: nonzero`` draws holes correctly.

A rendered map depends only on its inputs (geometry, names, links, flags), and its cache key is a
hash of all of them, so an entry can never go stale; a small per-process cache is therefore safe
(design.md, "Caching"). The key holds a boundary's MD5 digest, a column PostgreSQL generates,
rather than the boundary: a map already drawn costs no GeoJSON to fetch or decode, and the
boundaries are read only when a map is drawn.
"""

import dataclasses
import hashlib
import json
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Q
from django.utils.html import escape

from cities.geometry import polygons
from cities.models import City, District

MAP_WIDTH = 600
MAP_MAX_HEIGHT = 560
OUTLINE_SIZE = 160
PADDING = 4
# Points closer than this to the simplified line (in viewBox units, about a screen pixel) vanish.
TOLERANCE = 0.5

CBS_ATTRIBUTION = "Kadaster / Centraal Bureau voor de Statistiek, 2018"


@dataclass(frozen=True)
class MapArea:
    """One district as a map draws it."""

    name: str
    url: str
    geometry: dict
    is_focus_area: bool = False
    is_non_residential: bool = False
    is_highlighted: bool = False
    label: str = ""  # the name to write on the map where it fits; "" for none
    # Which boundary ``geometry`` is, when it is left empty until the map is drawn.
    district_id: int | None = None
    digest: str = ""

    def key(self) -> dict:
        """What the drawn area depends on: the boundary by its digest where it has one."""
        return self.__dict__ | {"geometry": self.digest} if self.digest else self.__dict__


# --- geometry ------------------------------------------------------------------------------


class Projection:
    """Equirectangular projection of lon/lat onto a viewBox that fits the given geometries."""

    def __init__(self, geometries: list[dict], width: float, max_height: float):
        points = [pt for g in geometries for poly in polygons(g) for ring in poly for pt in ring]
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        self.x_scale = math.cos(math.radians((min(lats) + max(lats)) / 2))
        self.west, self.north = min(lons), max(lats)
        span_x = max((max(lons) - self.west) * self.x_scale, 1e-9)
        span_y = max(self.north - min(lats), 1e-9)
        inner_w, inner_h = width - 2 * PADDING, max_height - 2 * PADDING
        self.scale = min(inner_w / span_x, inner_h / span_y)
        self.width = math.ceil(span_x * self.scale + 2 * PADDING)
        self.height = math.ceil(span_y * self.scale + 2 * PADDING)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) * self.x_scale * self.scale + PADDING
        y = (self.north - lat) * self.scale + PADDING
        return x, y

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length_sq = dx * dx + dy * dy
    if length_sq == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_sq))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(points: list, tolerance: float) -> list:
    """Keep the points that matter at this tolerance (iterative: long rings cannot recurse deep)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [pt for pt, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: list, tolerance: float) -> list:
    """Simplify a closed ring; split at its farthest point so the first point can go too."""
    open_ring = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    if len(open_ring) <= 3:
        return open_ring
    start = open_ring[0]
    far = max(range(len(open_ring)), key=lambda i: math.dist(start, open_ring[i]))
    first_half = douglas_peucker(open_ring[: far + 1], tolerance)
    second_half = douglas_peucker([*open_ring[far:], start], tolerance)
    simplified = first_half[:-1] + second_half[:-1]
    # A tiny area must not vanish: keep at least a triangle.
    return simplified if len(simplified) >= 3 else open_ring[:3]


def _number(tenths: int) -> str:
    """A coordinate in tenths as the shortest SVG number: 40 -> '4', -5 -> '-.5', 123 -> '12.3'."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _pair(dx: int, dy: int) -> str:
    y = _number(dy)
    return f"{_number(dx)}{'' if y.startswith('-') else ' '}{y}"


def ring_path(points: list) -> str:
    """Relative path data for a ring, from rounded absolute points so errors never add up."""
    rounded = []
    for x, y in points:
        point = (round(x * 10), round(y * 10))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 3:
        return ""
    (x0, y0), steps = rounded[0], []
    previous = rounded[0]
    for point in rounded[1:]:
        steps.append(_pair(point[0] - previous[0], point[1] - previous[1]))
        previous = point
    return f"M{_number(x0)} {_number(y0)}l" + " ".join(steps).replace(" -", "-") + "z"


def path_data(geometry: dict, project: Projection, tolerance: float = TOLERANCE) -> str:
    rings = []
    for polygon in polygons(geometry):
        for ring in polygon:
            projected = [project(lon, lat) for lon, lat, *_ in ring]
            rings.append(ring_path(simplify_ring(projected, tolerance)))
    return "".join(rings)


# --- rendering -----------------------------------------------------------------------------

_cache: OrderedDict[str, str] = OrderedDict()
# Bounded by size rather than count: a city map is tens of kilobytes, a home-page outline one or
# two, and the scale data's 350 outlines must fit beside the maps of the pages being read.
CACHE_BYTES = 24 * 1024 * 1024
_cached_bytes = 0
_lock = threading.Lock()


def _cached(kind: str, inputs, render) -> str:
    """Render once per process for the same inputs; the key covers everything the SVG shows."""
    key = _key(kind, inputs)
    return _stored(key) or _store(key, render())


def _stored(key: str) -> str | None:
    with _lock:
        svg = _cache.get(key)
        if svg is not None:
            _cache.move_to_end(key)
        return svg


def _key(kind: str, inputs) -> str:
    return hashlib.sha256(
        json.dumps([kind, inputs], sort_keys=True, default=str).encode()
    ).hexdigest()


def _store(key: str, svg: str) -> str:
    global _cached_bytes
    with _lock:
        if key not in _cache:
            _cache[key] = svg
            _cached_bytes += len(svg)
        while _cached_bytes > CACHE_BYTES and len(_cache) > 1:
            _cached_bytes -= len(_cache.popitem(last=False)[1])
    return svg


def clear_cache() -> None:
    global _cached_bytes
    with _lock:
        _cache.clear()
        _cached_bytes = 0


def _area_class(area: MapArea) -> str:
    classes = ["map-area"]
    if area.is_non_residential:
        classes.append("map-area--non-residential")
    if area.is_focus_area:
        classes.append("map-area--focus")
    if area.is_highlighted:
        classes.append("map-area--highlighted")
    return " ".join(classes)


def _area_fill(area: MapArea, map_id: str) -> str:
    """Patterns carry the meaning together with the colour, so the map also reads in greyscale."""
    if area.is_focus_area:
        return f' fill="url(#{map_id}-focus)"'
    if area.is_non_residential:
        return f' fill="url(#{map_id}-non-residential)"'
    return ""


def patterns(map_id: str) -> str:
    return (
        "<defs>"
        f'<pattern id="{map_id}-focus" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)">'
        '<rect width="6" height="6" class="map-pattern-focus-bg"/>'
        '<path d="M0 0v6" class="map-pattern-focus-line"/></pattern>'
        f'<pattern id="{map_id}-non-residential" width="5" height="5"'
        ' patternUnits="userSpaceOnUse">'
        '<rect width="5" height="5" class="map-pattern-non-residential-bg"/>'
        '<circle cx="2.5" cy="2.5" r="1" class="map-pattern-non-residential-dot"/></pattern>'
        "</defs>"
    )


def _svg_open(
    project: Projection, map_id: str, css_class: str, title: str, desc: str, role: str
) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="{project.view_box}"'
        f' width="{project.width}" height="{project.height}" role="{role}"'
        f' aria-labelledby="{map_id}-title" aria-describedby="{map_id}-desc">'
        f'<title id="{map_id}-title">{escape(title)}</title>'
        f'<desc id="{map_id}-desc">{escape(desc)}</desc>'
    )


def _outline_path(geometry: dict | None, project: Projection) -> str:
    if not geometry:
        return ""
    return f'<path class="map-city" d="{path_data(geometry, project)}" aria-hidden="true"/>'


def city_map_svg(map_id: str, title: str, desc: str, city: City, areas: list[MapArea]) -> str:
    """A map whose districts are links to their pages, focus areas outlined once more on top."""
    return _drawn_once("city", _render_city, map_id, title, desc, city, areas)


def _drawn_once(kind: str, render, map_id, title, desc, city: City, areas) -> str:
    """The map from this process's cache, or drawn from boundaries read for the purpose."""
    inputs = [map_id, title, desc, city.geometry_digest, [a.key() for a in areas]]
    return _cached(
        kind, inputs, lambda: render(map_id, title, desc, city_geometry(city), with_geometry(areas))
    )


def _render_city(map_id, title, desc, city_geometry, areas) -> str:
    project = Projection(
        [a.geometry for a in areas] + [city_geometry or {}], MAP_WIDTH, MAP_MAX_HEIGHT
    )
    parts = [_svg_open(project, map_id, "map map--city", title, desc, "group"), patterns(map_id)]
    parts.append(_outline_path(city_geometry, project))
    for area in areas:
        parts.append(
            f'<a href="{escape(area.url)}" aria-label="{escape(area.name)}" class="map-link">'
            f"<title>{escape(area.name)}</title>"
            f'<path class="{_area_class(area)}"{_area_fill(area, map_id)}'
            f' d="{path_data(area.geometry, project)}"/></a>'
        )
    parts.append(_emphasis(areas, project))
    parts.append(_labels(areas, project))
    parts.append("</svg>")
    return "".join(parts)


# Labels are written in viewBox units; a 600-unit map is about 330 px wide on a 360 px phone,
# so 20 units read as 11 px there. A label is drawn only where its box fits inside the area.
LABEL_SIZE = 20
# 15 units read as 15 px where the map is drawn at its full 600 px, and as 8 px on a phone.
SMALL_LABEL_SIZE = 15
SMALL_LABELS = "map-labels map-labels--small"
LABEL_CHAR_WIDTH = 0.55  # average advance of a sans-serif letter, as a share of the size
LABEL_MARGIN = 4


def _labels(areas: list[MapArea], project: Projection) -> str:
    """Names on the areas large enough to hold them; hidden from screen readers (the links
    already carry the names), and transparent to taps, which reach the area below.

    A name that does not fit at the full size may fit at the small one; those are shown only
    where the map is drawn wide enough to read them (the stylesheet hides them on phones).
    """
    texts = {LABEL_SIZE: [], SMALL_LABEL_SIZE: []}
    for area in areas:
        for size in texts if area.label else ():
            if spot := label_spot(area, project, size):
                x, y = spot
                texts[size].append(f'<text x="{x:.1f}" y="{y:.1f}">{escape(area.label)}</text>')
                break
    groups = [
        f'<g class="{css_class}" aria-hidden="true" font-size="{size}">{"".join(texts[size])}</g>'
        for size, css_class in ((LABEL_SIZE, "map-labels"), (SMALL_LABEL_SIZE, SMALL_LABELS))
        if texts[size]
    ]
    return "".join(groups)


def label_spot(
    area: MapArea, project: Projection, size: float = LABEL_SIZE
) -> tuple[float, float] | None:
    """The middle of the label where the whole label box lies inside the area, else None."""
    rings = [
        [project(lon, lat) for lon, lat, *_ in ring]
        for polygon in polygons(area.geometry)
        for ring in polygon
    ]
    if not rings:
        return None
    width = len(area.label) * size * LABEL_CHAR_WIDTH + 2 * LABEL_MARGIN
    half_height = size * 0.6
    ys = [p[1] for ring in rings for p in ring]
    top, bottom = min(ys) + half_height, max(ys) - half_height
    steps = 12
    for k in range(steps + 1):  # from the middle outwards
        offset = (k + 1) // 2 * (1 if k % 2 else -1)
        y = (top + bottom) / 2 + offset * (bottom - top) / steps
        if not top <= y <= bottom:
            continue
        fitting = _common_span([_spans(rings, y + dy) for dy in (-half_height, 0, half_height)])
        for left, right in fitting:
            if right - left >= width:
                return (left + right) / 2, y + size * 0.35
    return None


def _spans(rings, y: float) -> list[tuple[float, float]]:
    """The stretches of the horizontal line at y inside the rings (even-odd, so holes work)."""
    xs = []
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (y1 > y) != (y2 > y):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    xs.sort()
    return list(zip(xs[::2], xs[1::2], strict=False))


def _common_span(lines: list[list[tuple]]) -> list[tuple[float, float]]:
    """The stretches inside the area on every one of the given lines."""
    common = lines[0]
    for spans in lines[1:]:
        common = [
            (max(a, c), min(b, d)) for a, b in common for c, d in spans if min(b, d) > max(a, c)
        ]
    return common


def _emphasis(areas: list[MapArea], project: Projection) -> str:
    """Draw focus and highlight borders last, so neighbouring districts never paint over them."""
    out = []
    for flag, css_class in (
        ("is_focus_area", "map-focus-border"),
        ("is_highlighted", "map-highlight-border"),
    ):
        d = "".join(path_data(a.geometry, project) for a in areas if getattr(a, flag))
        if d:
            out.append(f'<path class="{css_class}" d="{d}" aria-hidden="true"/>')
    return "".join(out)


def district_map_svg(map_id: str, title: str, desc: str, city: City, areas: list[MapArea]) -> str:
    """A locator map: the city's districts as plain shapes, the highlighted ones on top."""
    return _drawn_once("district", _render_district, map_id, title, desc, city, areas)


def _render_district(map_id, title, desc, city_geometry, areas) -> str:
    project = Projection(
        [a.geometry for a in areas] + [city_geometry or {}], MAP_WIDTH, MAP_MAX_HEIGHT
    )
    parts = [_svg_open(project, map_id, "map map--district", title, desc, "img"), patterns(map_id)]
    parts.append(_outline_path(city_geometry, project))
    for area in sorted(areas, key=lambda a: a.is_highlighted):
        parts.append(
            f'<path class="{_area_class(area)}"{_area_fill(area, map_id)}'
            f' d="{path_data(area.geometry, project)}"/>'
        )
    parts.append(_emphasis(areas, project))
    parts.append("</svg>")
    return "".join(parts)


def outline_svgs(cities: list[City]) -> list[str]:
    """Small city outlines for the home page; the link around each carries the name.

    The outlines not drawn before are drawn from boundaries read in one query.
    """
    keys = [_key("outline", [city.geometry_digest]) for city in cities]
    missing = [city.pk for city, key in zip(cities, keys, strict=True) if not _stored(key)]
    if missing:
        found = dict(City.objects.filter(pk__in=missing).values_list("pk", "geometry"))
        for city, key in zip(cities, keys, strict=True):
            if city.pk in found:
                _store(key, _outline(found[city.pk]))
    return [
        _cache.get(key) or _outline(city_geometry(city))
        for city, key in zip(cities, keys, strict=True)
    ]


def _outline(geometry: dict) -> str:
    project = Projection([geometry], OUTLINE_SIZE, OUTLINE_SIZE)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map map--outline"'
        f' viewBox="{project.view_box}" width="{project.width}" height="{project.height}"'
        f' aria-hidden="true" focusable="false">'
        f'<path class="map-city" d="{path_data(geometry, project)}"/></svg>'
    )


# --- what each map shows (these query) -----------------------------------------------------

MAP_FIELDS = (
    "id",
    "city_id",
    "parent_id",
    "name",
    "slug",
    "kind",
    "cbs_code",
    "municipal_code",
    "focus_area",
    "is_non_residential",
    "geometry_digest",
)
POLYGON_TYPES = ["Polygon", "MultiPolygon"]


def city_geometry(city: City) -> dict | None:
    if "geometry" in city.__dict__:
        return city.geometry
    return City.objects.filter(pk=city.pk).values_list("geometry", flat=True).first()


def with_geometry(areas: list[MapArea]) -> list[MapArea]:
    """The areas with their boundaries, read in one query for those that have only a digest."""
    wanted = [a.district_id for a in areas if a.geometry is None and a.district_id]
    if not wanted:
        return areas
    found = dict(District.objects.filter(pk__in=wanted).values_list("pk", "geometry"))
    return [
        dataclasses.replace(a, geometry=found.get(a.district_id)) if a.geometry is None else a
        for a in areas
    ]


def map_districts(city: City, user, include_pk: int | None = None) -> list[District]:
    """The districts a city map draws, in one query.

    That is every visible district with a boundary, except those inside a larger area that has
    one itself: Amsterdam shows its gebieden (not the CBS wijken inside them), other cities their
    CBS wijken. ``include_pk`` adds one district, and its children, whatever their level.
    """
    top_level = Q(parent__isnull=True) | Q(parent__geometry__isnull=True)
    if include_pk is not None:
        top_level |= Q(pk=include_pk) | Q(parent_id=include_pk)
    districts = (
        District.objects.visible_to(user)
        .filter(top_level, city=city, geometry_type__in=POLYGON_TYPES)
        .only(*MAP_FIELDS)
        .order_by("name")
    )
    return list(districts)


def area(district: District, **kwargs) -> MapArea:
    """A district as a map draws it, its boundary left to be read if the map is drawn."""
    return MapArea(
        geometry=None, district_id=district.pk, digest=district.geometry_digest, **kwargs
    )


def attribution(city: City, districts: list[District]) -> str:
    """Credit the source of every boundary on the map (CBS for wijken, else the municipality)."""
    credits = []
    if any(not d.cbs_code for d in districts):
        credits.append(f"Gemeente {city.name}")
    if city.geometry_digest or any(d.cbs_code for d in districts):
        credits.append(CBS_ATTRIBUTION)
    return "Kaart: " + "; ".join(credits)
