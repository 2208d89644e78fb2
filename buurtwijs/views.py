from django.http import HttpResponse


def home(request):
    return HttpResponse("Buurtwijs")


glossary = sources = about = home
