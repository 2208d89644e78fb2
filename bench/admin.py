"""What each admin screen costs an editor: server time, database queries and HTML bytes.

    .venv/bin/python bench/admin.py                 # real content, then 350 synthetic cities
    .venv/bin/python bench/admin.py --real-only     # only the content as bin/start loads it

Runs in-process against the worktree's database (as bin/start leaves it: content and
boundaries), through Django's test client logged in as a temporary Hoofdredacteur, so the time
is the server's own (no network, no browser). Screens: the start page, every change list, and
the change form of the largest object of each model (every real city, since the city form was
the slow one). With the scale data, the synthetic cities are made first and removed afterwards.
Budget per screen: under a second and under 300 KB.
"""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwijs.settings")
os.environ["BUURTWIJS_SCALE_DATA"] = "1"
# The page cache plays no part in the admin; the test client needs its host allowed.
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()
# One line per request from the request log would bury the table.
logging.disable(logging.INFO)

from django.contrib.admin import site  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from editorial.registry import content_models  # noqa: E402

BUDGET_SECONDS = 1.0
BUDGET_BYTES = 300 * 1024
BENCH_USER = "bench-hoofdredacteur"
# The relation whose size makes a change form heavy, per model (the largest object is measured).
HEAVIEST_BY = {"city": "districts", "approach": "assessments", "role": "approaches"}


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def screens() -> list[tuple[str, str]]:
    """(name, address) of every screen measured."""
    found = [("startpagina", reverse("admin:index"))]
    for model in content_models():
        if model not in site._registry:
            continue
        name = model._meta.verbose_name_plural
        found.append((f"lijst {name}", admin_url(model, "changelist")))
        for obj in heaviest(model):
            found.append(
                (f"formulier {model._meta.verbose_name} {obj}", admin_url(model, "change", obj.pk))
            )
    return found


def heaviest(model) -> list:
    objects = model._base_manager.all()
    if model._meta.model_name == "city":
        # Every real city, and the largest synthetic one.
        real = list(objects.exclude(slug__startswith="synth-").order_by("name"))
        synthetic = objects.filter(slug__startswith="synth-")
        synthetic = synthetic.annotate(n=Count("districts")).order_by("-n", "pk")[:1]
        return real + list(synthetic)
    relation = HEAVIEST_BY.get(model._meta.model_name)
    if relation:
        objects = objects.annotate(n=Count(relation)).order_by("-n", "pk")
    else:
        objects = objects.order_by("pk")
    return list(objects[:1])


def measure(client: Client, address: str) -> tuple[int, float, int, int]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(address)
        seconds = time.perf_counter() - started
    return response.status_code, seconds, len(queries), len(response.content)


def run(title: str, client: Client) -> bool:
    print(f"\n{title}")
    print(f"{'scherm':<62} {'status':>6} {'tijd':>9} {'queries':>8} {'HTML':>9}")
    within = True
    for name, address in screens():
        client.get(address)  # warm: templates and the first connection
        status, seconds, queries, size = measure(client, address)
        over = status != 200 or seconds > BUDGET_SECONDS or size > BUDGET_BYTES
        within &= not over
        flag = "  <-- buiten budget" if over else ""
        print(
            f"{name[:62]:<62} {status:>6} {seconds * 1000:>7.0f}ms {queries:>8}"
            f" {size / 1024:>7.0f}KB{flag}"
        )
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real-only", action="store_true", help="alleen de echte inhoud")
    parser.add_argument("--cities", type=int, default=350)
    parser.add_argument("--districts", type=int, default=40)
    args = parser.parse_args()

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.roles import CHIEF_EDITOR

    user, _ = get_user_model().objects.get_or_create(username=BENCH_USER, is_staff=True)
    user.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    client = Client()
    client.force_login(user)
    try:
        within = run("Echte inhoud", client)
        if not args.real_only:
            call_command("make_scale_data", cities=args.cities, districts=args.districts)
            try:
                scale = (
                    f"Schaaldata ({args.cities} steden × {args.districts} wijken) en echte inhoud"
                )
                within &= run(scale, client)
            finally:
                call_command("remove_scale_data")
    finally:
        user.delete()
    print(f"\nBudget per scherm: {BUDGET_SECONDS:.0f} s en {BUDGET_BYTES // 1024} KB.")
    print("Alles binnen budget." if within else "Niet alles binnen budget.")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
