from django.urls import path

from feedback import views

app_name = "feedback"
urlpatterns = [
    path("reactie/", views.correction, name="correction"),
    path("reactie/bedankt/", views.correction_thanks, name="correction_thanks"),
    path("uw-stad/", views.city_proposal, name="proposal"),
    path("uw-stad/bedankt/", views.proposal_thanks, name="proposal_thanks"),
]
