"""What a district page states, each statement with the numbers of the sources that back it.

Only what the content and the boundary data say is stated. Where they are silent, the page
says so ("onbekend") and, where it helps, what the larger area or the city's approach does say.
Numbers follow the order in which the page first cites a source, as in a research report; the
markup is the site's convention: <sup class="ref"><a href="#bron-N">N</a></sup>.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from cities.boundary_sources import boundary_source_slug
from cities.models import District
from library.models import Source
from library.references import References

PLURAL_KINDS = {
    "stadsdeel": "stadsdelen",
    "gebied": "gebieden",
    "wijk": "wijken",
    "buurt": "buurten",
}
BODY_PLURALS = {
    District.Body.STADSDEELCOMMISSIE: "een eigen stadsdeelcommissie",
    District.Body.GEBIEDSCOMMISSIE: "een eigen gebiedscommissie",
    District.Body.WIJKRAAD: "een eigen wijkraad",
    District.Body.WIJKCOMITE: "een wijkcomité met gelote leden",
}
FOCUS_SCOPE = "focuswijken"  # approaches.Approach.Scope.FOCUS_DISTRICTS, named, not imported


@dataclass
class Fact:
    label: str
    value: SafeString
    refs: SafeString


def format_area(km2: float) -> str:
    """Dutch notation; small areas in hectares, so that none reads as 0,0 km²."""
    if km2 < 0.1:
        return f"{km2 * 100:.1f} ha".replace(".", ",")
    decimals = 1 if km2 >= 10 else 2
    return f"{km2:.{decimals}f} km²".replace(".", ",")


def kind_of(district: District) -> str:
    return district.get_kind_display().lower()


def link(district: District) -> SafeString:
    return format_html('<a href="{}">{}</a>', district.get_absolute_url(), district.name)


class DistrictFacts:
    def __init__(self, district, ancestors, children, neighbours, approaches):
        self.district = district
        self.city = district.city
        self.ancestors = ancestors
        self.children = children
        self.neighbours = neighbours
        self.approaches = approaches
        self.numbering = References()
        self.facts: list[Fact] = []

    # --- numbering (library.references, shared with the city profile) ---------------------------

    @property
    def references(self) -> list[Source]:
        return self.numbering.sources

    def refs(self, sources) -> SafeString:
        return self.numbering.cite(sources)

    def add(self, label: str, value, sources) -> None:
        self.facts.append(Fact(label, value, self.refs(sources)))

    # --- the statements ------------------------------------------------------------------------

    def cite_all(self, sources: list[Source]) -> None:
        """Build the statements from the sources the view fetched (each knows what it backs)."""
        boundary_slug = boundary_source_slug(self.district)
        boundary = [s for s in sources if s.slug == boundary_slug]
        own = [s for s in sources if s.for_district and s.slug != boundary_slug]
        approach = [s for s in sources if s.for_approach]
        democracy = [
            s
            for s in sources
            if s.for_city and s.kind != Source.Kind.STATISTICS and s.slug != boundary_slug
        ]
        district = self.district
        self.add("Soort", district.get_kind_display(), own)
        self.add("Ligt in", self._location(), own)
        if district.other_name_list:
            self.add("Ook bekend als", ", ".join(district.other_name_list), own)
        self.add("Gekozen of geloot orgaan", *self._body(own, democracy))
        self.add("Focuswijk van de aanpak", *self._focus(own, approach))
        if self.approaches:
            self.add(f"Aanpak van {self.city.name}", self._approach_links(), approach)
        self._boundary_facts(boundary or own)

    def _location(self) -> SafeString:
        parts = [format_html("{} {}", kind_of(a), link(a)) for a in reversed(self.ancestors)]
        city = format_html('<a href="{}">{}</a>', self.city.get_absolute_url(), self.city.name)
        return format_html_join(", in ", "{}", ((p,) for p in [*parts, city]))

    def _body(self, own, democracy):
        district = self.district
        if district.body:
            return district.get_body_display(), own
        within = Counter(child.body for child in self.children if child.body)
        if within:
            groups = format_html_join(
                "; ",
                "{} {} {}",
                (
                    (count, self._children_noun(count), _has(body, count))
                    for body, count in within.most_common()
                ),
            )
            text = format_html(
                "Geen eigen orgaan voor het hele {} bekend; daarbinnen hebben {}.",
                kind_of(district),
                groups,
            )
            return text, own
        for area in reversed(self.ancestors):
            if area.body:
                text = format_html(
                    "Geen eigen orgaan bekend; {} {} heeft {}.",
                    kind_of(area),
                    link(area),
                    BODY_PLURALS[area.body],
                )
                return text, own
        if not self.city.district_elections:
            text = format_html(
                "Geen: {} houdt geen aparte verkiezingen voor wijken of gebieden.", self.city.name
            )
            return text, democracy
        text = format_html(
            "Onbekend: de bronnen zeggen niet welk orgaan hier gekozen wordt. {} kiest wel eigen "
            "organen voor wijken of gebieden.",
            self.city.name,
        )
        return text, democracy

    def _children_noun(self, count: int) -> str:
        kinds = {child.kind for child in self.children if child.body}
        kind = kinds.pop() if len(kinds) == 1 else "wijk"
        return kind if count == 1 else PLURAL_KINDS[kind]

    def _focus(self, own, approach):
        district, city = self.district, self.city
        if district.focus_area == District.Focus.YES:
            return f"Ja, een focuswijk van de aanpak van {city.name}", own
        if district.focus_area == District.Focus.NO:
            return "Nee", own
        focused = [a for a in self.approaches if a.scope == FOCUS_SCOPE]
        if focused:
            count = focused[0].focus_area_count
            aim = f"{count} wijken" if count else "een deel van de wijken"
            text = (
                f"Onbekend. De aanpak van {city.name} richt zich op {aim}; de bronnen zeggen "
                f"niet of {district.name} daarbij hoort."
            )
            return text, approach
        if self.approaches:
            return f"Onbekend; de aanpak van {city.name} geldt voor de hele stad.", approach
        return "Onbekend: de bronnen zeggen er niets over.", []

    def _approach_links(self) -> SafeString:
        return format_html_join(
            "; ",
            '<a href="{}">{}</a> ({})',
            (
                (a.get_absolute_url(), a.name, a.get_scope_display().lower())
                for a in self.approaches
            ),
        )

    def _boundary_facts(self, sources) -> None:
        district = self.district
        if district.area_km2 is not None:
            self.add(
                "Oppervlakte",
                f"ongeveer {format_area(district.area_km2)}, berekend uit de kaartgrens",
                sources,
            )
        if self.neighbours:
            names = format_html_join(", ", "{}", ((link(n),) for n in self.neighbours))
            self.add("Grenst aan", names, sources)
        if district.cbs_code:
            self.add("CBS-wijkcode", district.cbs_code, sources)
        if district.municipal_code:
            self.add("Gemeentelijke code", district.municipal_code, sources)
        if district.is_non_residential:
            self.add("Karakter", "Vooral haven of bedrijventerrein", sources)

    @property
    def periods(self) -> list[tuple[int, str]]:
        """Per cited source, the time its facts describe: its date or its note on the date."""
        numbered = enumerate(self.references, start=1)
        return [(n, source.period) for n, source in numbered if source.period]


def _has(body: str, count: int) -> str:
    text = BODY_PLURALS[body]
    return f"elk {text}" if count > 1 else text
