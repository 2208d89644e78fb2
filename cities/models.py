"""The places: cities and their districts."""

import functools

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import MD5, Cast
from django.urls import get_script_prefix, get_urlconf, reverse

from editorial.models import Publishable, recent_changes_index
from editorial.scopes import city_scope
from library.models import Source


class DemocracyLink(models.TextChoices):
    NONE = "geen", "Geen koppeling met de lokale democratie"
    STADSDEELCOMMISSIES = "stadsdeelcommissies", "Gekozen stadsdeelcommissies"
    GEBIEDSCOMMISSIES = "gebiedscommissies", "Gekozen gebiedscommissies"
    WIJKRADEN = "wijkraden", "Gekozen wijkraden"
    MIXED = "gemengd", "Gekozen gebiedscommissies en wijkraden"


@functools.lru_cache(maxsize=2**16)
def _district_path(urlconf, prefix: str, city_slug: str, slug: str) -> str:
    return reverse("cities:district", args=[city_slug, slug])


def district_path(city_slug: str, slug: str) -> str:
    """A district page's address. City pages list hundreds of districts, and reverse() is
    costly; the answer depends only on the slugs and the URL configuration in use."""
    return _district_path(get_urlconf(), get_script_prefix(), city_slug, slug)


def boundary_type() -> models.GeneratedField:
    """The boundary's GeoJSON type ("MultiPolygon"), kept by PostgreSQL beside it, so that a map
    can pick what it draws without reading (and unpacking) every boundary."""
    return models.GeneratedField(
        expression=KeyTextTransform("type", "geometry"),
        output_field=models.CharField(max_length=32, null=True),
        db_persist=True,
        verbose_name="soort grens",
    )


def districts_scope(city_pk: int) -> str:
    """The scope of a city's district list and map on its page (editorial.scopes): only the
    city and its districts change them, not its approach."""
    return f"{city_scope(city_pk)}:wijken"


class City(Publishable):
    name = models.CharField("naam", max_length=100)
    official_name = models.CharField("officiële naam", max_length=100)
    slug = models.SlugField("slug", max_length=100, unique=True)
    cbs_code = models.CharField(
        "CBS-code",
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$", "Een CBS-gemeentecode ziet eruit als GM0344.")],
    )
    inhabitants = models.PositiveIntegerField("inwoners", null=True, blank=True)
    inhabitants_year = models.PositiveSmallIntegerField(
        "inwoners per (jaar)", null=True, blank=True
    )
    inhabitants_source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bron inwonertal",
    )
    summary = models.TextField("samenvatting")
    democracy_link = models.CharField(
        "koppeling met de lokale democratie",
        max_length=20,
        choices=DemocracyLink.choices,
        default=DemocracyLink.NONE,
    )
    democracy_text = models.TextField("toelichting lokale democratie", blank=True)
    district_elections = models.BooleanField(
        "eigen verkiezingen voor wijk of gebied",
        default=False,
        help_text="Kiezen inwoners een eigen orgaan voor hun wijk, gebied of stadsdeel?",
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="cities", verbose_name="bronnen"
    )
    geometry = models.JSONField("grens (GeoJSON, WGS84)", null=True, blank=True, editable=False)
    # Maps are cached under the boundary's fingerprint (cities.maps); PostgreSQL keeps it with
    # every change of the boundary, however the change is made.
    geometry_digest = models.GeneratedField(
        expression=MD5(Cast("geometry", models.TextField())),
        output_field=models.CharField(max_length=32, null=True),
        db_persist=True,
        verbose_name="vingerafdruk van de grens",
    )
    geometry_type = boundary_type()

    class Meta:
        verbose_name = "stad"
        verbose_name_plural = "steden"
        ordering = ["name"]
        indexes = [recent_changes_index("city_recent_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cbs_code__regex=r"^GM[0-9]{4}$"), name="city_cbs_code_format"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cities:detail", args=[self.slug])

    def city_ids(self) -> set[int]:
        """The cities whose pages show this object (editorial.scopes)."""
        return {self.pk}

    def part_scopes(self) -> set[str]:
        """Its district list and map name it and link through its slug (editorial.scopes)."""
        return {districts_scope(self.pk)}


class District(Publishable):
    """A stadsdeel, gebied, wijk or buurt of a city; may lie within a larger district."""

    class Kind(models.TextChoices):
        STADSDEEL = "stadsdeel", "Stadsdeel"
        GEBIED = "gebied", "Gebied"
        WIJK = "wijk", "Wijk"
        BUURT = "buurt", "Buurt"

    class Focus(models.TextChoices):
        YES = "ja", "Ja"
        NO = "nee", "Nee"
        UNKNOWN = "onbekend", "Onbekend"

    class Body(models.TextChoices):
        NONE = "", "Geen eigen orgaan bekend"
        STADSDEELCOMMISSIE = "stadsdeelcommissie", "Stadsdeelcommissie"
        GEBIEDSCOMMISSIE = "gebiedscommissie", "Gebiedscommissie"
        WIJKRAAD = "wijkraad", "Wijkraad"
        WIJKCOMITE = "wijkcomite", "Wijkcomité (geloot)"

    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="districts", verbose_name="stad"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="ligt in",
    )
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    name = models.CharField("naam", max_length=120)
    slug = models.SlugField("slug", max_length=120)
    cbs_code = models.CharField(
        "CBS-wijkcode",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^WK\d{6}$", "Een CBS-wijkcode ziet eruit als WK034401.")],
    )
    municipal_code = models.CharField(
        "gemeentelijke code",
        max_length=12,
        blank=True,
        help_text="Bijvoorbeeld DX01 voor een Amsterdams gebied.",
    )
    focus_area = models.CharField(
        "focusgebied van de aanpak",
        max_length=8,
        choices=Focus.choices,
        default=Focus.UNKNOWN,
        help_text=(
            "‘Onbekend’ tot een bron zegt of dit een focuswijk is; een bron die wijken telt maar "
            "niet noemt, maakt ze niet bekend."
        ),
    )
    other_names = models.TextField(
        "andere namen",
        blank=True,
        help_text=(
            "Namen die mensen of bronnen ook gebruiken, één per regel (bijvoorbeeld "
            "‘Schilderswijk’ voor Schildersbuurt). Zoeken vindt de wijk ook op deze namen."
        ),
    )
    body = models.CharField(
        "gekozen of geloot orgaan",
        max_length=20,
        choices=Body.choices,
        blank=True,
        default=Body.NONE,
    )
    summary = models.TextField("samenvatting", blank=True)
    is_non_residential = models.BooleanField(
        "haven- of bedrijfsgebied",
        default=False,
        help_text="Een CBS-wijk die vooral haven of bedrijventerrein is, zoals Waalhaven-Eemhaven.",
    )
    geometry = models.JSONField("grens (GeoJSON, WGS84)", null=True, blank=True, editable=False)
    # Maps are cached under the boundary's fingerprint (cities.maps); PostgreSQL keeps it with
    # every change of the boundary, however the change is made.
    geometry_digest = models.GeneratedField(
        expression=MD5(Cast("geometry", models.TextField())),
        output_field=models.CharField(max_length=32, null=True),
        db_persist=True,
        verbose_name="vingerafdruk van de grens",
    )
    geometry_type = boundary_type()
    # Derived from the boundary by load_boundaries (cities.geometry), never typed in.
    area_km2 = models.FloatField("oppervlakte (km²)", null=True, blank=True, editable=False)
    neighbours = models.ManyToManyField(
        "self", blank=True, editable=False, verbose_name="grenst aan"
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="districts", verbose_name="bronnen"
    )

    class Meta:
        verbose_name = "wijk of gebied"
        verbose_name_plural = "wijken en gebieden"
        ordering = ["city", "name"]
        indexes = [recent_changes_index("district_recent_idx")]
        constraints = [
            models.UniqueConstraint(fields=["city", "slug"], name="district_slug_unique_per_city"),
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~models.Q(cbs_code=""),
                name="district_cbs_code_unique",
            ),
            models.UniqueConstraint(
                fields=["city", "municipal_code"],
                condition=~models.Q(municipal_code=""),
                name="district_municipal_code_unique_per_city",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="district_not_its_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})" if self.city_id else self.name

    def get_absolute_url(self) -> str:
        return district_path(self.city.slug, self.slug)

    def city_ids(self) -> set[int]:
        """Its city, and the cities of its neighbours, whose pages name it (queries)."""
        if self.pk is None:
            return {self.city_id}
        others = District.neighbours.through.objects.filter(from_district_id=self.pk)
        return {self.city_id, *others.values_list("to_district__city_id", flat=True)}

    def part_scopes(self) -> set[str]:
        """Its city's district list and map show it (editorial.scopes)."""
        return {districts_scope(self.city_id)} if self.city_id else set()

    @property
    def is_focus_area(self) -> bool:
        return self.focus_area == self.Focus.YES

    @property
    def other_name_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.splitlines() if name.strip()]

    def clean(self) -> None:
        if self.parent_id and self.city_id and self.parent.city_id != self.city_id:
            raise ValidationError({"parent": "Het grotere gebied moet in dezelfde stad liggen."})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "Een wijk kan niet in zichzelf liggen."})
