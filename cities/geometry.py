"""Facts derived from a boundary: its surface area and the districts it borders.

Pure Python on the GeoJSON in WGS84 (lon, lat). Areas are measured in a Lambert azimuthal
equal-area projection of the GRS 80 ellipsoid (Snyder, "Map Projections: A Working Manual",
§24): the projected plane keeps areas, so the shoelace formula there gives the area on the
ellipsoid, whatever the distortion of shapes. Neighbours share a stretch of boundary: in the
data every shared edge is stored by both districts (README of the boundary data), so two
districts border each other when they have a boundary segment in common, compared after
rounding both ends to about a metre.
"""

import math
from collections import defaultdict
from itertools import pairwise

# GRS 80, as used by ETRS89; WGS 84 differs from it by far less than the data's 1 m precision.
SEMI_MAJOR_AXIS = 6_378_137.0
FLATTENING = 1 / 298.257222101
ECCENTRICITY = math.sqrt(FLATTENING * (2 - FLATTENING))
# The projection's centre: the middle of the Netherlands (the RD origin near Amersfoort).
CENTRE_LON, CENTRE_LAT = 5.387639, 52.156161
# Coordinates have 5 decimals; segment ends are compared at that precision (about 1 m).
DECIMALS = 5


def polygons(geometry: dict | None) -> list[list[list]]:
    """The polygons (each a list of rings) of a Polygon or MultiPolygon; nothing otherwise."""
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def _q(lat_radians: float) -> float:
    sin = math.sin(lat_radians)
    e = ECCENTRICITY
    return (1 - e * e) * (
        sin / (1 - e * e * sin * sin) - math.log((1 - e * sin) / (1 + e * sin)) / (2 * e)
    )


Q_POLE = _q(math.pi / 2)
AUTHALIC_RADIUS = SEMI_MAJOR_AXIS * math.sqrt(Q_POLE / 2)


def _authalic_latitude(lat_degrees: float) -> float:
    return math.asin(max(-1.0, min(1.0, _q(math.radians(lat_degrees)) / Q_POLE)))


BETA_CENTRE = _authalic_latitude(CENTRE_LAT)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Metres in the equal-area plane around the centre of the country."""
    beta = _authalic_latitude(lat)
    dlon = math.radians(lon - CENTRE_LON)
    cos_c = math.sin(BETA_CENTRE) * math.sin(beta) + math.cos(BETA_CENTRE) * math.cos(
        beta
    ) * math.cos(dlon)
    k = AUTHALIC_RADIUS * math.sqrt(2 / (1 + cos_c))
    x = k * math.cos(beta) * math.sin(dlon)
    y = k * (
        math.cos(BETA_CENTRE) * math.sin(beta)
        - math.sin(BETA_CENTRE) * math.cos(beta) * math.cos(dlon)
    )
    return x, y


def _ring_area(ring: list) -> float:
    points = [project(p[0], p[1]) for p in ring]
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(points))) / 2


def area_km2(geometry: dict | None) -> float | None:
    """The surface in km²: each polygon's outer ring less its holes; None without a boundary."""
    found = polygons(geometry)
    if not found:
        return None
    square_metres = sum(
        _ring_area(outer) - sum(_ring_area(hole) for hole in holes)
        for outer, *holes in found
        if outer
    )
    return square_metres / 1_000_000


def _segments(geometry: dict) -> set[tuple]:
    segments = set()
    for polygon in polygons(geometry):
        for ring in polygon:
            points = [(round(p[0], DECIMALS), round(p[1], DECIMALS)) for p in ring]
            for a, b in pairwise(points):
                if a != b:
                    segments.add((a, b) if a < b else (b, a))
    return segments


def neighbour_pairs(geometries: dict) -> set[tuple]:
    """Pairs of keys (smaller first) whose boundaries share at least one segment."""
    owners = defaultdict(set)
    for key, geometry in geometries.items():
        for segment in _segments(geometry):
            owners[segment].add(key)
    pairs = set()
    for keys in owners.values():
        ordered = sorted(keys)
        pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return pairs
