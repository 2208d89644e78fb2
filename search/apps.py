from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from search import signals  # noqa: F401 -- connects the index to content changes
