from django.apps import AppConfig


class BuurtwijsConfig(AppConfig):
    name = "buurtwijs"
    verbose_name = "Site"

    def ready(self) -> None:
        from buurtwijs import cache

        cache.connect_signals()
