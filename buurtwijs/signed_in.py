"""What every signed-in request reads first: its session and its user.

Django's database sessions and ModelBackend, each reading its row with a statement written out.
Editors' pages are kept ready (buurtwijs.editor_pages), so these two lookups are most of what a
signed-in request costs, and putting the ORM's query together took longer than running it.
Everything else (saving, expiry, checking the password hash, refusing inactive users) is
Django's own.

``SESSION_ENGINE = "buurtwijs.signed_in"`` uses the session store below.
"""

from django.contrib.auth import backends, get_user_model
from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        table = connection.ops.quote_name(self.model._meta.db_table)
        found = self.model.objects.raw(
            f"SELECT session_key, session_data, expire_date FROM {table}"  # noqa: S608 - quoted
            " WHERE session_key = %s AND expire_date > %s",
            [self.session_key, timezone.now()],
        )
        session = next(iter(found), None)
        if session is None:
            self._session_key = None  # as Django does: a new session gets a new key
        return session


class UserBackend(backends.ModelBackend):
    """ModelBackend; only the user of a session is read differently."""

    def get_user(self, user_id):
        model = get_user_model()
        table = connection.ops.quote_name(model._meta.db_table)
        column = connection.ops.quote_name(model._meta.pk.column)
        found = model._default_manager.raw(
            f"SELECT * FROM {table} WHERE {column} = %s",  # noqa: S608 - quoted names
            [user_id],
        )
        user = next(iter(found), None)
        return user if user is not None and self.user_can_authenticate(user) else None
