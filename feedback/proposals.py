"""A proposal for a new city becomes a draft City with its Approach, Assessments and Sources.

Everything is created as a draft (editorial's Status.DRAFT), so the public sees none of it until
an editor has checked and published it; the CityProposal beside the city marks it as a proposal.
"""

import re

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from approaches.models import Approach, Assessment
from cities.models import City, DemocracyLink
from editorial.models import Status
from library.models import Source

PREFIX = re.compile(r"^\s*gemeente\s+", re.IGNORECASE)


def find_duplicate(name: str, cbs_code: str) -> City | None:
    """An existing city (draft or published) with this CBS code or name, ignoring case and accents.

    One query. "Gemeente Utrecht" matches Utrecht; "'s-Gravenhage" matches the official name.
    """
    name = PREFIX.sub("", name).strip()
    return (
        City.objects.filter(
            Q(cbs_code__iexact=cbs_code)
            | Q(name__unaccent__iexact=name)
            | Q(official_name__unaccent__iexact=name)
        )
        .order_by("pk")
        .first()
    )


def _free_slug(name: str) -> str:
    base = slugify(name)[:90] or "stad"
    slug, number = base, 1
    while City.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_draft_city(proposal, form) -> City:
    """The draft city, approach, assessments and sources of a proposal (queries; atomic)."""
    data = form.cleaned_data
    name = PREFIX.sub("", data["city_name"]).strip()
    democracy = data["democracy_link"]
    city = City.objects.create(
        status=Status.DRAFT,
        name=name,
        official_name=name,
        slug=_free_slug(name),
        cbs_code=data["cbs_code"],
        summary=data["summary"],
        democracy_link=democracy,
        democracy_text=data["democracy_text"],
        # Every choice but "geen" names an elected body (cities.models.DemocracyLink).
        district_elections=democracy != DemocracyLink.NONE,
    )
    approach = Approach.objects.create(
        status=Status.DRAFT,
        city=city,
        name=f"Gebiedsgericht werken in {name}",
        slug="aanpak",
        scope=data["scope"],
        summary=data["summary"],
        is_incomplete=True,
        incomplete_note=(
            "Voorgesteld via ‘Uw stad op Buurtwijs’; nog niet door de redactie getoetst."
        ),
    )
    Assessment.objects.bulk_create(
        Assessment(status=Status.DRAFT, approach=approach, dimension=dimension, value=value)
        for dimension, value in form.dimension_values()
    )
    sources = [
        Source.objects.create(
            status=Status.DRAFT,
            title=link[:300],
            slug=f"voorstel-{proposal.pk}-{number}",
            kind=Source.Kind.POLICY,
            url=link,
            description=f"Genoemd in het voorstel voor {name}.",
        )
        for number, link in enumerate(data["source_links"], start=1)
    ]
    city.sources.add(*sources)
    approach.sources.add(*sources)
    proposal.city = city
    proposal.save(update_fields=["city"])
    return city
