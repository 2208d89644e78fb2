from django.http import HttpResponse


def city_list(request):
    return HttpResponse("steden")


city_detail = district_detail = city_list
