from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Reacties van lezers"

    def ready(self) -> None:
        from feedback.roles import grant_editors

        post_migrate.connect(grant_editors, dispatch_uid="feedback-editor-rights")
