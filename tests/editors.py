"""Editor accounts and form helpers shared by the admin tests (tests/test_admin_*.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import CHIEF_EDITOR, EDITOR


def make_editor(role: str = EDITOR, username: str | None = None):
    """A staff account in the group of ``role`` (Redacteur or Hoofdredacteur)."""
    username = username or role.lower()
    user = get_user_model().objects.create_user(
        username=username, password="geheim-wachtwoord-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def make_chief_editor(username: str | None = None):
    return make_editor(CHIEF_EDITOR, username)


def form_data(response) -> dict:
    """What a browser would post back from the change form in ``response``, unchanged."""
    data = _form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        count = str(formset.initial_form_count())
        data |= {
            f"{formset.prefix}-TOTAL_FORMS": count,
            f"{formset.prefix}-INITIAL_FORMS": count,
            f"{formset.prefix}-MIN_NUM_FORMS": "0",
            f"{formset.prefix}-MAX_NUM_FORMS": "1000",
        }
        for form in formset.initial_forms:
            data |= _form_values(form)
    return data


def _form_values(form) -> dict:
    data = {}
    for bound in form:
        names = [bound.html_name]
        if bound.field.show_hidden_initial:
            names.append(bound.html_initial_name)
        for name in names:
            value = _posted(bound.value())
            if value is not None:
                data[name] = value
    return data


def _posted(value):
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)
