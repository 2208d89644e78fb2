from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from search import signals  # noqa: F401 -- connects the index to content changes

        post_migrate.connect(complete_entries, sender=self, dispatch_uid="search-complete")


def complete_entries(using, **kwargs) -> None:
    """Entries written before they had a description (migration 0002) are rebuilt once.

    Only on a fully migrated database: the rebuild reads the content with today's models.
    """
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    from search import index
    from search.models import SearchEntry

    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    if SearchEntry.objects.using(using).filter(description="").exists():
        index.rebuild()
