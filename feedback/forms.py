"""The two reader forms, with what every public form here shares: limits, a honeypot, a token."""

from django import forms
from django.conf import settings
from django.core.validators import URLValidator

from approaches.models import Approach, Dimension
from cities.models import DemocracyLink
from feedback import guard
from feedback.models import CityProposal
from feedback.proposals import find_duplicate

HONEYPOT = "website"
MAX_MESSAGE = 4000
MAX_SUMMARY = 3000
MAX_SOURCE_LINES = 15
MAX_LINK_LENGTH = 200  # library.Source.url


class ReaderForm(forms.Form):
    """Text fields refuse control characters; the honeypot and token are read by the view.

    Both are rendered by templates/feedback/form_guard.html.
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, value in list(cleaned_data.items()):
            if isinstance(value, str) and guard.has_control_characters(value):
                self.add_error(
                    name,
                    "Dit veld bevat tekens die geen tekst zijn (bijvoorbeeld uit een bestand). "
                    "Typ of plak alleen tekst.",
                )
        return cleaned_data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


def limit_links(text: str, most: int) -> None:
    if guard.count_links(text) > most:
        raise forms.ValidationError(
            f"Uw tekst bevat te veel links: er mogen er hoogstens {most} in staan."
        )


class CorrectionForm(ReaderForm):
    message = forms.CharField(
        label="Wat klopt er niet, of wat ontbreekt?",
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Schrijf kort wat er niet klopt of ontbreekt."},
    )
    source_url = forms.URLField(
        label="Bron (niet verplicht)",
        help_text="Een link naar een document of webpagina die uw correctie onderbouwt.",
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    email = forms.EmailField(
        label="Uw e-mailadres (niet verplicht)",
        help_text="Alleen als u een antwoord wilt.",
        required=False,
        max_length=254,
    )

    def clean_message(self):
        message = self.cleaned_data["message"]
        limit_links(message, settings.FEEDBACK_MAX_LINKS)
        return message


def dimension_field(dimension: Dimension) -> forms.Field:
    """The proposal's answer on one published dimension: free text for now.

    When dimensions get comparable options, return a choice field built from them here; the
    proposal code reads the cleaned value either way (``proposals.create_draft_city``).
    """
    return forms.CharField(
        label=dimension.name,
        help_text=dimension.question,
        required=False,
        max_length=160,
    )


def dimension_field_name(dimension: Dimension) -> str:
    return f"dimensie_{dimension.slug}"


class CityProposalForm(ReaderForm):
    city_name = forms.CharField(label="Gemeente", max_length=100)
    cbs_code = forms.RegexField(
        label="CBS-gemeentecode",
        help_text="Bijvoorbeeld GM0363 voor Amsterdam; te vinden bij het CBS.",
        regex=r"^(GM)?\d{4}$",
        max_length=6,
        error_messages={"invalid": "Een CBS-gemeentecode ziet eruit als GM0363."},
    )
    proposer_name = forms.CharField(label="Uw naam", max_length=120)
    proposer_kind = forms.ChoiceField(label="U bent", choices=CityProposal.Proposer.choices)
    organisation = forms.CharField(
        label="Organisatie (niet verplicht)", max_length=200, required=False
    )
    email = forms.EmailField(
        label="Uw e-mailadres",
        help_text="Hierheen sturen we de bevestiging en eventuele vragen van de redactie.",
        max_length=254,
    )
    scope = forms.ChoiceField(
        label="Waar werkt de stad gebiedsgericht?", choices=Approach.Scope.choices
    )
    summary = forms.CharField(
        label="Hoe organiseert de stad het werk in de wijken?",
        help_text="Een korte beschrijving in eigen woorden: wie doet wat, sinds wanneer.",
        max_length=MAX_SUMMARY,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    democracy_link = forms.ChoiceField(
        label="Hoe is het werk in de wijken verbonden met de lokale democratie?",
        choices=DemocracyLink.choices,
    )
    democracy_text = forms.CharField(
        label="Toelichting op de lokale democratie (niet verplicht)",
        max_length=MAX_SUMMARY,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    source_links = forms.CharField(
        label="Bronnen",
        help_text=(
            f"Links naar beleidsstukken of onderzoek waarop uw beschrijving steunt, één per regel "
            f"(hoogstens {MAX_SOURCE_LINES})."
        ),
        max_length=MAX_SOURCE_LINES * (MAX_LINK_LENGTH + 2),
        error_messages={"required": "Noem ten minste één bron."},
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, dimensions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = list(dimensions)
        for dimension in self.dimensions:
            self.fields[dimension_field_name(dimension)] = dimension_field(dimension)
        self.order_fields(
            ["city_name", "cbs_code", "proposer_name", "proposer_kind", "organisation", "email",
             "scope", "summary"]
            + [dimension_field_name(d) for d in self.dimensions]
            + ["democracy_link", "democracy_text", "source_links"]
        )  # fmt: skip

    def clean_cbs_code(self):
        code = self.cleaned_data["cbs_code"].upper()
        return code if code.startswith("GM") else f"GM{code}"

    def clean_summary(self):
        summary = self.cleaned_data["summary"]
        limit_links(summary, settings.FEEDBACK_MAX_LINKS)
        return summary

    def clean_source_links(self):
        lines = [line.strip() for line in self.cleaned_data["source_links"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_SOURCE_LINES:
            raise forms.ValidationError(f"Noem hoogstens {MAX_SOURCE_LINES} links.")
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            if len(link) > MAX_LINK_LENGTH:
                raise forms.ValidationError(
                    f"Deze link is langer dan {MAX_LINK_LENGTH} tekens: {link[:80]}…"
                )
            try:
                validate(link)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    f"Dit is geen volledige link (begin met https://): {link[:80]}"
                ) from error
        if not links:
            raise forms.ValidationError("Noem ten minste één bron.")
        return links

    def clean(self):
        cleaned_data = super().clean()
        name, code = cleaned_data.get("city_name"), cleaned_data.get("cbs_code")
        if name and code and (city := find_duplicate(name, code)) is not None:
            if city.is_published:
                self.add_error(
                    "city_name",
                    f"{city.name} staat al op Buurtwijs. Klopt er iets niet in het profiel? "
                    "Gebruik dan ‘Klopt er iets niet?’ onder aan die pagina.",
                )
            else:
                self.add_error(
                    "city_name",
                    "Voor deze gemeente ligt al een voorstel bij de redactie.",
                )
        return cleaned_data

    def dimension_bound_fields(self) -> list:
        return [self[dimension_field_name(dimension)] for dimension in self.dimensions]

    def dimension_values(self) -> list[tuple[Dimension, str]]:
        values = ((d, self.cleaned_data.get(dimension_field_name(d), "")) for d in self.dimensions)
        return [(dimension, value.strip()) for dimension, value in values if value.strip()]
