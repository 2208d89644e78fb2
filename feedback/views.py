"""The reader forms and their thank-you pages.

The form pages are never cached (each carries a fresh signed token and a CSRF token); the
pages that link to them may be, because the link carries nothing but the page's address.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from approaches.models import Dimension
from feedback import guard, notify
from feedback.forms import CityProposalForm, CorrectionForm
from feedback.models import CityProposal, Correction
from feedback.proposals import create_draft_city
from feedback.targets import GENERAL, find_target

CORRECTION = "correctie"
PROPOSAL = "voorstel"


def _too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.FEEDBACK_MAX_REQUEST_BYTES


def _refused(request, template, context, status, message, retry_after=None) -> HttpResponse:
    response = render(request, template, context | {"refusal": message}, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _screen(request, form, kind: str) -> tuple[str, str | None, guard.FormToken | None]:
    """(token to render, problem for the reader, accepted token) for a sent form."""
    sent = request.POST.get("token", "")
    try:
        return sent, None, guard.check_token(sent, kind)
    except guard.TokenProblem as problem:
        fresh = guard.issue_token(kind) if problem.renew else sent
        return fresh, str(problem), None


def _receive(request, kind, template, context, make_form, store, thanks_url):
    """The shared way in for both forms: size, rate limit, honeypot, token, validation, store."""
    if _too_large(request):
        context |= {"form": make_form(None), "token": guard.issue_token(kind)}
        limit = settings.FEEDBACK_MAX_REQUEST_BYTES // 1024
        message = (
            f"Uw bericht is te groot om te versturen (meer dan {limit} kB). Maak het korter en "
            "probeer het opnieuw."
        )
        return _refused(request, template, context, 413, message)
    form = make_form(request.POST)
    wait = guard.seconds_until_allowed(request)
    if wait:
        context |= {"form": form, "token": request.POST.get("token", "")}
        minutes = max(1, round(wait / 60))
        message = (
            "U heeft in korte tijd veel berichten verstuurd. Wacht ongeveer "
            f"{minutes} {'minuut' if minutes == 1 else 'minuten'} en verstuur het dan opnieuw; "
            "uw tekst staat er nog."
        )
        return _refused(request, template, context, 429, message, retry_after=wait)
    if form.is_bot:
        return HttpResponseRedirect(thanks_url)  # nothing stored, nothing to learn for the bot
    token, problem, accepted = _screen(request, form, kind)
    if form.is_valid() and accepted:
        store(form, accepted)
        return HttpResponseRedirect(thanks_url)
    if problem:
        form.add_error(None, problem)
    return render(request, template, context | {"form": form, "token": token})


def _once(model, nonce: str, build) -> object | None:
    """Create the row unless this form was stored before (a double submit); None then."""
    if model.objects.filter(form_nonce=nonce).exists():
        return None
    try:
        with transaction.atomic():
            return build()
    except IntegrityError:
        if model.objects.filter(form_nonce=nonce).exists():
            return None
        raise


def _trail(target, last) -> list:
    return ([(target.subject, target.page)] if target else []) + [last]


def _admin_url(request, obj) -> str:
    path = reverse(f"admin:feedback_{obj._meta.model_name}_change", args=[obj.pk])
    return request.build_absolute_uri(path)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def correction(request):
    target = find_target(request.GET.get("pagina", ""), request.user)
    thanks = reverse("feedback:correction_thanks")
    if target:
        thanks += "?" + urlencode({"pagina": target.page})
    context = {
        "target": target,
        "general": GENERAL,
        "retention_days": settings.FEEDBACK_RETENTION_DAYS,
        "breadcrumbs": _trail(target, ("Klopt er iets niet?", None)),
    }
    template = "feedback/correction_form.html"

    def store(form, token):
        about = target.obj if target else None
        row = _once(
            Correction,
            token.nonce,
            lambda: Correction.objects.create(
                form_nonce=token.nonce,
                page=target.page if target else "",
                subject=target.subject if target else GENERAL,
                content_type=ContentType.objects.get_for_model(about) if about else None,
                object_id=about.pk if about else None,
                message=form.cleaned_data["message"],
                source_url=form.cleaned_data["source_url"],
                email=form.cleaned_data["email"],
            ),
        )
        if row is not None:
            url = _admin_url(request, row)
            transaction.on_commit(lambda: notify.tell_editors("correctie", url))

    if request.method == "POST":
        return _receive(request, CORRECTION, template, context, CorrectionForm, store, thanks)
    context |= {"form": CorrectionForm(), "token": guard.issue_token(CORRECTION)}
    return render(request, template, context)


@require_safe
def correction_thanks(request):
    target = find_target(request.GET.get("pagina", ""), request.user)
    context = {
        "target": target,
        "retention_days": settings.FEEDBACK_RETENTION_DAYS,
        "breadcrumbs": _trail(target, ("Dank u wel", None)),
    }
    return render(request, "feedback/correction_thanks.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def city_proposal(request):
    dimensions = list(Dimension.objects.published().order_by("order", "name"))
    context = {
        "retention_days": settings.FEEDBACK_RETENTION_DAYS,
        "breadcrumbs": [("Uw stad op Buurtwijs", None)],
    }
    template = "feedback/proposal_form.html"

    def make_form(data):
        return CityProposalForm(data, dimensions=dimensions)

    def store(form, token):
        data = form.cleaned_data

        def build():
            proposal = CityProposal.objects.create(
                form_nonce=token.nonce,
                city_name=data["city_name"],
                cbs_code=data["cbs_code"],
                proposer_name=data["proposer_name"],
                proposer_kind=data["proposer_kind"],
                organisation=data["organisation"],
                email=data["email"],
                source_links="\n".join(data["source_links"]),
            )
            create_draft_city(proposal, form)
            return proposal

        proposal = _once(CityProposal, token.nonce, build)
        if proposal is not None:
            transaction.on_commit(lambda: _tell_about(request, proposal))

    if request.method == "POST":
        thanks = reverse("feedback:proposal_thanks")
        return _receive(request, PROPOSAL, template, context, make_form, store, thanks)
    context |= {"form": make_form(None), "token": guard.issue_token(PROPOSAL)}
    return render(request, template, context)


def _tell_about(request, proposal) -> None:
    notify.tell_editors("voorstel voor een stad", _admin_url(request, proposal))
    notify.confirm_proposal(proposal)


@require_safe
def proposal_thanks(request):
    context = {
        "retention_days": settings.FEEDBACK_RETENTION_DAYS,
        "breadcrumbs": [("Uw stad op Buurtwijs", reverse("feedback:proposal")), ("Dank u", None)],
    }
    return render(request, "feedback/proposal_thanks.html", context)
