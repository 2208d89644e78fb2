from django.apps import AppConfig


class BuurtwijsConfig(AppConfig):
    name = "buurtwijs"
    verbose_name = "Bronnen en begrippen"

    def ready(self) -> None:
        from buurtwijs import cache

        cache.connect_signals()

        from django.db.models.signals import post_migrate, pre_save

        from buurtwijs import locking, roles

        pre_save.connect(locking.raise_version, dispatch_uid="buurtwijs_raise_version")
        post_migrate.connect(roles.on_post_migrate, sender=self, dispatch_uid="buurtwijs_roles")
