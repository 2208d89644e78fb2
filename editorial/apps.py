from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redactie"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, pre_save

        from editorial import locking, roles, scopes

        pre_save.connect(locking.raise_version, dispatch_uid="editorial_raise_version")
        post_migrate.connect(roles.on_post_migrate, sender=self, dispatch_uid="editorial_roles")
        scopes.connect_signals()
