from django.apps import AppConfig


class ScaleDataConfig(AppConfig):
    """Synthetic cities for benchmarks and tests; not installed in the portal itself."""

    name = "scale_data"
    verbose_name = "Synthetische testdata"
