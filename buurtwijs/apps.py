from django.apps import AppConfig


class BuurtwijsConfig(AppConfig):
    name = "buurtwijs"
    verbose_name = "Bronnen en begrippen"
