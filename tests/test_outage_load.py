"""Readers keep reading through a database outage under load, on the real server.

gunicorn, configured as in production, serves a throwaway PostgreSQL cluster (tests/servers.py)
with the page cache on, in the database cache and on a real Redis. Reader threads ask for pages
read before and for searches nobody asked before, while the database is stopped in the middle
and started again. Every answer is counted: no 500, no connection error, nothing slower than
the database's connect timeout; pages read before answer 200 with the notice while the database
is away, new searches 503, and everything is current again soon after the restart.
"""

import http.client
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from buurtwijs import cache
from tests import servers
from tests.factories import make_approach, make_city

throwaway_cluster = servers.throwaway_cluster
redis_url = servers.redis_url

BASE_DIR = Path(__file__).resolve().parent.parent
NOTICE = b"Deze pagina is mogelijk niet actueel."
CONNECT_TIMEOUT = settings.DATABASES["default"]["OPTIONS"]["connect_timeout"]
READERS = 6
CACHED = [
    "/",
    "/steden/laststad/",
    "/steden/piekstad/",
    "/vergelijk/?steden=laststad&steden=piekstad",
]
# When the database stops and starts, in seconds from the start of the run; and its length.
STOP_AT, START_AT, RUN_SECONDS = 4, 9, 15
# Answers this close to a stop or start may come from either side of it.
SETTLE_SECONDS = 1.0
RECOVERY_SECONDS = 3.0


@pytest.fixture(scope="module")
def content(throwaway_cluster):
    for slug in ["laststad", "piekstad"]:
        make_approach(city=make_city(name=slug.title(), slug=slug), name=f"Aanpak {slug}")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=BASE_DIR, check=True, timeout=300,
    )  # fmt: skip
    return throwaway_cluster


@pytest.fixture(params=["database", "redis"])
def portal(request, content):
    database = connections["default"].settings_dict
    socket = database["HOST"].replace("/", "%2F")
    env = os.environ | {
        "DATABASE_URL": f"postgresql://{database['USER']}@{socket}:{database['PORT']}/{database['NAME']}",
        "BUURTWIJS_ENV": "local",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BUURTWIJS_PAGE_CACHE": "1",
        "BUURTWIJS_RELEASE": f"outage-load-{request.param}-{time.time()}",  # an empty cache
    }
    if request.param == "redis":
        env["REDIS_URL"] = request.getfixturevalue("redis_url")
    log = BASE_DIR / "test-artifacts" / f"outage-load-{request.param}.log"
    log.parent.mkdir(exist_ok=True)
    command = [
        str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "--config", "buurtwijs/gunicorn.conf.py",
        "--bind", f"127.0.0.1:{servers.GUNICORN_PORT}", "buurtwijs.wsgi",
    ]  # fmt: skip
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=output)
    try:
        servers.wait_for_port(servers.GUNICORN_PORT, process)
        yield request.param
    finally:
        process.terminate()
        process.wait(timeout=30)
        cache._watcher.close()


class Answer:
    def __init__(self, path: str, started: float, status: int, ended: float, stale: bool):
        self.path, self.started, self.status, self.ended, self.stale = (
            path, started, status, ended, stale
        )  # fmt: skip

    @property
    def cached(self) -> bool:
        return not self.path.startswith("/zoeken/")

    @property
    def kind(self) -> str:
        if self.status == 200:
            return "200 (bewaarde kopie)" if self.stale else "200"
        return str(self.status)


def fetch(path: str, t0: float) -> Answer:
    started = time.monotonic() - t0
    connection = http.client.HTTPConnection("127.0.0.1", servers.GUNICORN_PORT, timeout=20)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        status, stale = response.status, NOTICE in body
    except OSError:
        status, stale = 0, False  # no answer at all
    finally:
        connection.close()
    return Answer(path, started, status, time.monotonic() - t0, stale)


def load(t0: float, answers: list, worker: int) -> None:
    n = 0
    while time.monotonic() - t0 < RUN_SECONDS:
        n += 1
        answers.append(fetch(CACHED[n % len(CACHED)], t0))
        if n % 4 == 0:
            answers.append(fetch(f"/zoeken/?q=lezer{worker}x{n}", t0))  # never asked before


def test_readers_get_pages_through_an_outage_under_load(portal, content, capsys):
    t0 = time.monotonic()
    for path in CACHED:
        assert fetch(path, t0).status == 200, path
    t0 = time.monotonic()
    answers: list[Answer] = []
    readers = [threading.Thread(target=load, args=(t0, answers, i)) for i in range(READERS)]
    for thread in readers:
        thread.start()
    time.sleep(STOP_AT)
    stopping = time.monotonic() - t0
    content.stop()
    stopped = time.monotonic() - t0
    time.sleep(START_AT - stopped)
    started = time.monotonic() - t0
    content.start()
    running = time.monotonic() - t0
    for thread in readers:
        thread.join(timeout=RUN_SECONDS + 30)

    report(portal, answers, stopping, running, capsys)
    statuses = Counter(a.status for a in answers)
    assert set(statuses) <= {200, 503}, statuses
    slowest = max(a.ended - a.started for a in answers)
    assert slowest < CONNECT_TIMEOUT, f"een antwoord duurde {slowest:.1f} s"

    during = [a for a in answers if stopped + SETTLE_SECONDS < a.started and a.ended < started]
    assert len(during) > 50
    assert all(a.status == 200 and a.stale for a in during if a.cached)
    assert all(a.status == 503 for a in during if not a.cached)
    after = [a for a in answers if a.started > running + RECOVERY_SECONDS]
    assert len(after) > 50
    assert all(a.status == 200 and not a.stale for a in after)


def report(portal, answers, stopping, running, capsys) -> None:
    def phase(answer: Answer) -> str:
        if answer.ended < stopping:
            return "voor"
        if answer.started > running:
            return "na"
        return "storing"

    counts = Counter((phase(a), "pagina" if a.cached else "zoeken", a.kind) for a in answers)
    with capsys.disabled():
        print(f"\nStoring onder belasting ({portal}; database weg {stopping:.1f}-{running:.1f} s):")
        for (when, what, kind), count in sorted(counts.items()):
            print(f"  {when:<8}{what:<8}{kind:<22}{count:>6}")
        slowest = max(a.ended - a.started for a in answers)
        print(f"  {len(answers)} antwoorden, traagste {slowest * 1000:.0f} ms")
