"""Create an editor account for /beheer/, or give an existing one another role.

    manage.py create_editor anna --rol hoofdredacteur
    BUURTWIJS_EDITOR_PASSWORD=... manage.py create_editor anna --rol redacteur --password-from-env

Safe to run twice: an existing account keeps its password unless a new one is given.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.roles import ROLES, ensure_editor_roles

PASSWORD_VARIABLE = "BUURTWIJS_EDITOR_PASSWORD"  # noqa: S105 -- the name of a variable


class Command(BaseCommand):
    help = "Maakt een account voor een redacteur of hoofdredacteur (of wijzigt de rol)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam")
        parser.add_argument("--rol", choices=sorted(ROLES), required=True, help="de rol")
        parser.add_argument("--email", default="", help="e-mailadres")
        parser.add_argument(
            "--password-from-env",
            nargs="?",
            const=PASSWORD_VARIABLE,
            metavar="VARIABELE",
            help=f"lees het wachtwoord uit deze omgevingsvariabele (standaard {PASSWORD_VARIABLE})"
            " in plaats van ernaar te vragen",
        )

    def handle(self, *args, username, rol, email, password_from_env, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = self._password(password_from_env, ask=user is None)
        with transaction.atomic():
            ensure_editor_roles()
            user = user or User(username=username)
            self._check_password(password, user)
            user.email = email or user.email
            user.is_staff = True
            user.is_active = True
            if password:
                user.set_password(password)
            created = user.pk is None
            user.save()
            # One role at a time: changing the role takes the other one away.
            user.groups.remove(*Group.objects.filter(name__in=ROLES.values()))
            user.groups.add(Group.objects.get(name=ROLES[rol]))
        done = "aangemaakt" if created else "bijgewerkt"
        self.stdout.write(f"Account {username} {done}: {ROLES[rol]}. Inloggen op /beheer/.")

    def _password(self, variable: str | None, ask: bool) -> str:
        if variable:
            password = os.environ.get(variable, "")
            if not password:
                raise CommandError(f"De omgevingsvariabele {variable} is leeg of niet gezet.")
            return password
        if not ask:
            return ""
        password = getpass.getpass("Wachtwoord: ")
        if password != getpass.getpass("Wachtwoord (nogmaals): "):
            raise CommandError("De wachtwoorden zijn niet gelijk.")
        return password

    def _check_password(self, password: str, user) -> None:
        if not password:
            if user.pk is None:
                raise CommandError("Een nieuw account heeft een wachtwoord nodig.")
            return
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Wachtwoord afgewezen: " + " ".join(error.messages)) from error
