"""Speed benchmark: the portal as production runs it, measured with wrk (README, "Snelheid").

    .venv/bin/python bench/run.py            # real content, then the scaled data set
    .venv/bin/python bench/run.py --quick    # a shorter run to try things out

It starts gunicorn with buurtwijs/gunicorn.conf.py and production settings on a loopback port,
against the embedded PostgreSQL in a database of its own (``buurtwijs_bench``), so the development
database is never touched. Each page is measured side by side with a static file served by
WhiteNoise from the same server, several times: with the page cache, as a signed-in editor,
without the page cache (what readers get after a publish that did not reach the page: the renders
kept per scope) and with nothing kept at all (the first reader after a change of the page itself);
the report gives medians and each page's
throughput as a ratio to the static file, and the peak memory of the gunicorn workers. With the
cache it also measures a flood of query strings the page does not read, and a publish in the
middle of a load run (renders, errors, and how soon the new text is served).
Only loopback traffic; every step has a time limit.
"""

# ruff: noqa: S603, S607, S310 -- runs fixed local programs and fetches only from 127.0.0.1

import argparse
import gzip
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psutil
import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import page_weight  # noqa: E402  (beside this file)

from buurtwijs import embedded_db  # noqa: E402

DATABASE = "buurtwijs_bench"
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
REPORT_LUA = str(BASE_DIR / "bench" / "report.lua")
FLOOD_LUA = str(BASE_DIR / "bench" / "flood.lua")
RESULTS_DIR = BASE_DIR / "bench" / "results"
# What a browser sends; production sits behind a TLS proxy that sets X-Forwarded-Proto.
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br", "X-Forwarded-Proto": "https"}
SEARCH_QUERY = "wijkaanpak"

PICK_TARGETS = """
import json
from scale_data.generate import PREFIX
from cities.models import City, District
real = City.objects.published().exclude(slug__startswith=PREFIX).order_by("name")
slugs = list(real.values_list("slug", flat=True)[:4])
district = (District.objects.published().filter(city__slug=slugs[0]).order_by("name")
            .values_list("slug", flat=True).first() if slugs else None)
print("TARGETS " + json.dumps({"cities": slugs, "district": district}))
"""

# A signed-in editor's session, so the "redacteur" measurement asks for pages as staff do.
EDITOR_SESSION = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
user, _ = get_user_model().objects.get_or_create(
    username="bench-redacteur", defaults={"is_staff": True}
)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "buurtwijs.signed_in.UserBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print(f"SESSION {settings.SESSION_COOKIE_NAME}={session.session_key}")
"""


def main() -> int:
    args = parse_args()
    ensure_wrk()
    started_db = embedded_db.ensure_running()
    env = bench_environment(args)
    results = {}
    try:
        prepare_database(env)
        phases = [("echte inhoud", ["remove_scale_data"])]
        scale = ["make_scale_data", f"--cities={args.cities}", f"--districts={args.districts}"]
        phases.append((f"schaaldata ({args.cities} steden × {args.districts} wijken)", scale))
        for name, command in phases:
            if args.only and args.only not in name:
                continue
            manage(env, *command, timeout=900)
            rebuild_search_index(env)
            compact(env)
            results[name] = run_phase(name, env, args)
        if not args.keep_scale_data:
            manage(env, "remove_scale_data", timeout=600)
    finally:
        if started_db:
            embedded_db.stop()
    save(results, args)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="metingen per pagina (mediaan)")
    parser.add_argument("--duration", type=int, default=8, help="seconden per meting")
    parser.add_argument("--connections", type=int, default=8, help="gelijktijdige verbindingen")
    parser.add_argument("--port", type=int, default=8790, help="poort op 127.0.0.1")
    parser.add_argument("--cities", type=int, default=350, help="synthetische steden")
    parser.add_argument("--districts", type=int, default=40, help="wijken per synthetische stad")
    parser.add_argument("--only", choices=["echte", "schaal"], help="alleen deze fase")
    parser.add_argument("--quick", action="store_true", help="1 meting van 3 s per pagina")
    parser.add_argument(
        "--cache",
        choices=["alle", "aan", "redacteur", "uit", "niets"],
        default="alle",
        help="met paginacache, als ingelogde redacteur, zonder paginacache, of zonder iets",
    )
    parser.add_argument(
        "--no-page-cache", action="store_true", help="alleen zonder iets bewaard (= --cache niets)"
    )
    parser.add_argument("--keep-scale-data", action="store_true", help="schaaldata laten staan")
    parser.add_argument("--label", default="", help="naam van deze meting in bench/results/")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.duration = 1, 3
    if args.no_page_cache:
        args.cache = "niets"
    if args.port == 8000:
        parser.error("poort 8000 is voor bin/start; kies een andere")
    return args


def ensure_wrk() -> None:
    """Debian's wrk, installed when missing and we may (a fresh machine)."""
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("De meting heeft wrk nodig: sudo apt-get install wrk")
    print("wrk installeren (apt-get)...", flush=True)
    apt = {"env": os.environ | {"DEBIAN_FRONTEND": "noninteractive"}, "timeout": 600, "check": True}
    subprocess.run(["apt-get", "update", "-qq"], **apt)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], stdout=subprocess.DEVNULL, **apt)


def bench_environment(args: argparse.Namespace) -> dict:
    socket = str(embedded_db.socket_dir()).replace("/", "%2F")
    return os.environ | {
        "DATABASE_URL": f"postgresql://{embedded_db.SUPERUSER}@{socket}:{embedded_db.PORT}/{DATABASE}",
        "BUURTWIJS_ENV": "production",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "BUURTWIJS_PAGE_CACHE": "0" if getattr(args, "cache", "aan") in ("uit", "niets") else "1",
        "PYTHONUNBUFFERED": "1",
        # make_scale_data and remove_scale_data; the served portal never uses them.
        "BUURTWIJS_SCALE_DATA": "1",
    }


def manage(env: dict, *args: str, timeout: int = 300) -> str:
    command = [PYTHON, "manage.py", *args]
    result = subprocess.run(
        command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} mislukte:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare_database(env: dict) -> None:
    """The bench database with the real content, as bin/start prepares the development one."""
    print(f"Database {DATABASE} voorbereiden...", flush=True)
    embedded_db.ensure_database(DATABASE)
    manage(env, "migrate", "--no-input", timeout=600)
    manage(env, "load_content", timeout=600)
    if "load_boundaries" in manage(env, "help", "--commands"):
        manage(env, "load_boundaries", "--if-present", timeout=600)
    manage(env, "collectstatic", "--no-input", "--verbosity", "0", timeout=600)


def rebuild_search_index(env: dict) -> None:
    # The synthetic data is bulk-created, which the search index's signals do not see.
    if "rebuild_search_index" in manage(env, "help", "--commands"):
        manage(env, "rebuild_search_index", timeout=900)


def targets(env: dict) -> list[tuple[str, str, dict]]:
    """(name, path, extra headers) for every measured page, picked from the bench database."""
    output = manage(env, "shell", "--no-imports", "-c", PICK_TARGETS)
    picked = json.loads(output.split("TARGETS ", 1)[1])
    cities, district = picked["cities"], picked["district"]
    if not cities:
        sys.exit("De benchmarkdatabase heeft geen gepubliceerde steden (load_content?).")
    chosen = "&".join(f"steden={slug}" for slug in cities)
    compare = f"/vergelijk/?{chosen}"
    pages = [
        ("over (eenvoudigste pagina)", "/over/", {}),
        ("home", "/", {}),
        ("stad", f"/steden/{cities[0]}/", {}),
        ("wijk", f"/steden/{cities[0]}/wijken/{district}/", {}),
        ("vergelijking (4 steden)", compare, {}),
        ("zoeken", f"/zoeken/?q={SEARCH_QUERY}", {}),
        ("vergelijking, htmx-fragment", compare, {"HX-Request": "true"}),
        ("api: steden", "/api/v1/steden/", {}),
        ("api: stad", f"/api/v1/steden/{cities[0]}/", {}),
        ("api: wijken", f"/api/v1/steden/{cities[0]}/wijken/", {}),
        ("api: vergelijking (4 steden)", f"/api/v1/vergelijking/?{chosen}", {}),
    ]
    return [*pages, ("statisch bestand (css)", static_css_path(), {})]


def static_css_path() -> str:
    manifest = json.loads((BASE_DIR / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


class Server:
    """gunicorn with the production configuration, and a sampler of its workers' memory."""

    def __init__(self, env: dict, port: int, log: Path, requests_log: Path | None = None):
        self.url = f"http://127.0.0.1:{port}"
        log.parent.mkdir(exist_ok=True)
        self.log = log.open("w")
        self.requests_log = requests_log
        command = [
            GUNICORN,
            "--config",
            "buurtwijs/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
        ]
        # Request logs go to stdout as in production; only the publish case reads them.
        stdout = requests_log.open("w") if requests_log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [*command, "buurtwijs.wsgi"], cwd=BASE_DIR, env=env, stdout=stdout, stderr=self.log,
        )  # fmt: skip
        self.peak_worker_rss = 0
        self.peak_total_rss = 0
        self.workers = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def wait_until_ready(self, path: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopte meteen; zie {self.log.name}")
            try:
                fetch(self.url + path, {})
                self._sampler.start()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        sys.exit(f"gunicorn antwoordde niet binnen {timeout:.0f} s; zie {self.log.name}")

    def _sample(self) -> None:
        master = psutil.Process(self.process.pid)
        while not self._stop.wait(0.2):
            try:
                rss = [child.memory_info().rss for child in master.children()]
            except psutil.Error:
                continue
            self.workers = max(self.workers, len(rss))
            self.peak_worker_rss = max(self.peak_worker_rss, *rss, 0)
            self.peak_total_rss = max(self.peak_total_rss, sum(rss))

    def stop(self) -> None:
        self._stop.set()
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def fetch(url: str, headers: dict) -> tuple[int, int]:
    request = urllib.request.Request(url, headers=BROWSER_HEADERS | headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


def warm(server: Server, pages: list) -> list:
    """Request every page a few times; pages that do not answer 200 are left out, and said so."""
    ready = []
    for name, path, headers in pages:
        statuses = {fetch(server.url + path, headers)[0] for _ in range(20)}
        if statuses == {200}:
            ready.append((name, path, headers))
        else:
            print(f"  ! {name} ({path}) antwoordt {sorted(statuses)}; niet gemeten", flush=True)
    return ready


SETTLE_SECONDS = 2


def wrk(
    url: str, headers: dict, args: argparse.Namespace, script: str = REPORT_LUA, duration=None
) -> dict:
    duration = duration or args.duration
    # wrk stops sending, but the server may still be working through what the last page queued
    # (a slow page under 8 connections): let that drain so it does not count against this one.
    time.sleep(SETTLE_SECONDS)
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{duration}s", "--timeout", "10s"]
    command += ["-s", script]
    for name, value in (BROWSER_HEADERS | headers).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=duration + 60, check=True,
        cwd=BASE_DIR,
    ).stdout  # fmt: skip
    figures = json.loads(output.split("BENCH ", 1)[1])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


MODES = {
    "aan": "met cache",
    "redacteur": "redacteur",
    "uit": "paginacache leeg",
    "niets": "niets bewaard",
}
# What each measurement's server keeps: readers' pages, editors' pages; without the page cache
# the renders kept per scope (what readers get after a publish elsewhere: editorial.renders), or
# nothing at all (the first reader of a page after a change of that page itself).
ON, OFF = "1", "0"
MODE_ENVIRONMENTS = {
    "aan": {"BUURTWIJS_PAGE_CACHE": ON, "BUURTWIJS_EDITOR_PAGES": ON, "BUURTWIJS_KEPT_RENDERS": ON},
    "redacteur": {
        "BUURTWIJS_PAGE_CACHE": ON, "BUURTWIJS_EDITOR_PAGES": ON, "BUURTWIJS_KEPT_RENDERS": ON,
    },
    "uit": {
        "BUURTWIJS_PAGE_CACHE": OFF, "BUURTWIJS_EDITOR_PAGES": OFF, "BUURTWIJS_KEPT_RENDERS": ON,
    },
    "niets": {
        "BUURTWIJS_PAGE_CACHE": OFF, "BUURTWIJS_EDITOR_PAGES": OFF, "BUURTWIJS_KEPT_RENDERS": OFF,
    },
}  # fmt: skip
# A reader the page cache does not serve (a messages cookie) but who is not signed in.
PAST_THE_PAGE_CACHE = {"Cookie": "messages=leeg"}
ELSEWHERE_REQUESTS = 10
# Without compression, as some clients and tools ask (issue 13: as fast as compressed).
IDENTITY = ("stad, zonder compressie", {"Accept-Encoding": "identity"})


def run_phase(name: str, env: dict, args: argparse.Namespace) -> dict:
    print(f"\n== {name} ==", flush=True)
    pages = targets(env)
    modes = list(MODES) if args.cache == "alle" else [args.cache]
    summaries = {}
    for mode in modes:
        print(f"  -- {MODES[mode]} --", flush=True)
        mode_pages = as_editor(env, pages) if mode == "redacteur" else pages
        summaries[MODES[mode]] = measure_server(
            env | MODE_ENVIRONMENTS[mode], mode_pages, args, mode
        )
    if "aan" in modes:
        city = pages_by_name(pages)["stad"]
        summaries["flood"] = flood_case(env, city, args)
        summaries["publicatie"] = publish_case(env, city, other_city(pages), args)
    print_phase(summaries)
    return summaries


def other_city(pages: list) -> str:
    """The page of the second city in the comparison: a page a publish in the first misses."""
    compared = parse_qs(urlsplit(pages_by_name(pages)["vergelijking (4 steden)"]).query)
    return f"/steden/{compared['steden'][1]}/"


def as_editor(env: dict, pages: list) -> list:
    """The pages asked for with a signed-in editor's session cookie (not the static file)."""
    output = manage(env, "shell", "--no-imports", "-c", EDITOR_SESSION)
    cookie = output.split("SESSION ", 1)[1].strip()
    return [
        (name, path, headers | {"Cookie": cookie}) for name, path, headers in pages[:-1]
    ] + pages[-1:]


def measure_server(env: dict, pages: list, args: argparse.Namespace, mode: str) -> dict:
    if mode == "aan":
        city = pages_by_name(pages)["stad"]
        pages = [*pages[:2], (IDENTITY[0], city, IDENTITY[1]), *pages[2:]]
    server = Server(env, args.port, RESULTS_DIR / "gunicorn.log")
    weight = {"total": None}
    try:
        server.wait_until_ready(pages[-1][1])
        pages = warm(server, pages)
        if mode == "aan":
            print("  gewicht eerste bezoek aan de stadspagina:")
            weight = page_weight.measure(server.url + pages_by_name(pages)["stad"])
            page_weight.report(weight)
        runs = []
        for number in range(1, args.runs + 1):
            print(f"  meting {number}/{args.runs}...", flush=True)
            runs.append(
                {page: wrk(server.url + path, headers, args) for page, path, headers in pages}
            )
    finally:
        server.stop()
    return summarise(runs, pages, server) | {"city_page_bytes": weight["total"]}


def flood_case(env: dict, city: str, args: argparse.Namespace) -> dict:
    """The cached city page before, during and after a flood of unseen query strings."""
    print("  -- flood van onbekende querystrings --", flush=True)
    server = Server(env | {"BUURTWIJS_PAGE_CACHE": "1"}, args.port, RESULTS_DIR / "gunicorn.log")
    try:
        server.wait_until_ready(city)
        warm(server, [("stad", city, {})])
        entries_before = cache_entries(env)
        before = wrk(server.url + city, {}, args)
        flood = wrk(server.url + city, {}, args, script=FLOOD_LUA)
        after = wrk(server.url + city, {}, args)
        entries_after = cache_entries(env)
    finally:
        server.stop()
    return {
        "before_rps": before["rps"],
        "flood_rps": flood["rps"],
        "after_rps": after["rps"],
        "flood_requests": flood["requests"],
        "errors": sum(m["socket_errors"] + m["status_errors"] for m in (before, flood, after)),
        "entries_before": entries_before,
        "entries_after": entries_after,
    }


def publish_case(env: dict, city: str, elsewhere: str, args: argparse.Namespace) -> dict:
    """A publish by another process in the middle of a load run on the cached city page.

    ``elsewhere`` is a page the publish does not reach (another city's page), asked for past
    the page cache (as a reader with a messages cookie is): the request log says how often it
    was rendered after the publish, and how often it came from the renders kept per scope
    (editorial.renders).
    """
    print("  -- publicatie tijdens belasting --", flush=True)
    requests_log = RESULTS_DIR / "gunicorn-requests.log"
    server = Server(
        env | {"BUURTWIJS_PAGE_CACHE": "1"}, args.port, RESULTS_DIR / "gunicorn.log", requests_log
    )
    slug = city.strip("/").split("/")[-1]
    duration = max(args.duration * 2, 6)
    try:
        server.wait_until_ready(city)
        warm(server, [("stad", city, {}), ("elders", elsewhere, PAST_THE_PAGE_CACHE)])
        load: dict = {}
        runner = threading.Thread(
            target=lambda: load.update(wrk(server.url + city, {}, args, duration=duration))
        )
        runner.start()
        time.sleep(duration / 2)
        token = f"Gepubliceerd tijdens de meting {secrets.token_hex(4)}."
        published_at = datetime.now(UTC)
        original = publish_summary(env, slug, token)
        published = time.monotonic()
        visible_after = wait_for_text(server.url + city, token)
        for _ in range(ELSEWHERE_REQUESTS):
            fetch(server.url + elsewhere, PAST_THE_PAGE_CACHE)
        runner.join(timeout=duration + 60)
        publish_summary(env, slug, original)
    finally:
        server.stop()
    counts = cache_outcomes(requests_log, city, since=published_at)
    kept_elsewhere = cache_outcomes(requests_log, elsewhere, since=published_at, field="kept")
    renders_elsewhere = kept_elsewhere.get("miss", 0) + kept_elsewhere.get("none", 0)
    return {
        "rps": load["rps"],
        "requests": load["requests"],
        "errors": load["socket_errors"] + load["status_errors"],
        "p99_ms": load["p99_us"] / 1000,
        "renders": counts.get("miss", 0),
        "waited": counts.get("shared", 0),
        "visible_after_ms": None if visible_after is None else (visible_after - published) * 1000,
        "elsewhere": elsewhere,
        "elsewhere_kept": kept_elsewhere.get("hit", 0),
        "elsewhere_rendered": renders_elsewhere,
    }


def database_url(env: dict) -> str:
    return env["DATABASE_URL"]


def compact(env: dict) -> None:
    """Tables and indexes as large as what they hold, as in a database that never held the
    scale data: removing 20 000 search entries leaves their GIN indexes at 65 MB for 330 rows,
    which made every search on the real content read them."""
    with psycopg.connect(database_url(env), autocommit=True) as connection:
        connection.execute("VACUUM (FULL, ANALYZE)")


def cache_entries(env: dict) -> int:
    with psycopg.connect(database_url(env)) as connection:
        return connection.execute("SELECT count(*) FROM buurtwijs_cache").fetchone()[0]


def publish_summary(env: dict, slug: str, summary: str) -> str:
    """Change a city's summary and raise the content version in one transaction, as a publish
    in another process does; returns the summary it had."""
    with psycopg.connect(database_url(env)) as connection:
        old = connection.execute(
            "SELECT summary FROM cities_city WHERE slug = %s", [slug]
        ).fetchone()[0]
        city_id = connection.execute(
            "UPDATE cities_city SET summary = %s WHERE slug = %s RETURNING id", [summary, slug]
        ).fetchone()[0]
        # The city's pages kept per scope (editorial.scopes) move on too, as on any save.
        connection.execute(
            "INSERT INTO editorial_scopeversion (scope, value) VALUES "
            "(%s, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) ON CONFLICT (scope) "
            "DO UPDATE SET value = GREATEST(editorial_scopeversion.value + 1, EXCLUDED.value)",
            [f"city:{city_id}"],
        )
        connection.execute(
            "UPDATE buurtwijs_contentversion SET value = value + 1 WHERE id = 1 "
            "RETURNING pg_notify('buurtwijs_content_version', value::text)"
        )
    return old


def wait_for_text(url: str, text: str, seconds: float = 10) -> float | None:
    """When the page first showed ``text`` (monotonic clock), or None within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        request = urllib.request.Request(url, headers=BROWSER_HEADERS | {"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
        if text.encode() in body:
            return time.monotonic()
        time.sleep(0.005)
    return None


def cache_outcomes(requests_log: Path, path: str, since: datetime, field: str = "cache") -> dict:
    """How the page cache (or with ``field="kept"`` the kept renders) answered each request for
    ``path`` from ``since`` on (request log)."""
    counts: dict[str, int] = {}
    for line in requests_log.read_text().splitlines():
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        if record.get("logger") != "buurtwijs.request" or record.get("path") != path:
            continue
        if datetime.fromisoformat(record["time"]) >= since:
            outcome = record.get(field) or "none"
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def pages_by_name(pages: list) -> dict:
    return {name: path for name, path, headers in pages}


def page_weight_standalone(port: int, measure, report) -> bool:
    """For bench/page_weight.py: start the portal on the real content and weigh a city page."""
    started_db = embedded_db.ensure_running()
    env = bench_environment(argparse.Namespace(no_page_cache=False))
    try:
        prepare_database(env)
        manage(env, "remove_scale_data", timeout=600)
        pages = targets(env)
        server = Server(env, port, RESULTS_DIR / "gunicorn.log")
        try:
            server.wait_until_ready(pages[-1][1])
            return report(measure(server.url + pages_by_name(pages)["stad"]))
        finally:
            server.stop()
    finally:
        if started_db:
            embedded_db.stop()


def summarise(runs: list[dict], pages: list, server: Server) -> dict:
    static = pages[-1][0]
    rows = []
    for page, path, headers in pages:
        measured = [run[page] for run in runs]
        rows.append(
            {
                "page": page,
                "path": path + "".join(f" ({name})" for name in headers),
                "rps": statistics.median(m["rps"] for m in measured),
                "p50_ms": statistics.median(m["p50_us"] for m in measured) / 1000,
                "p95_ms": statistics.median(m["p95_us"] for m in measured) / 1000,
                "bytes_per_response": measured[0]["bytes"] / max(measured[0]["requests"], 1),
                "errors": sum(m["socket_errors"] + m["status_errors"] for m in measured),
                # Side by side: each run's ratio against the static file of the same run.
                "ratio": statistics.median(run[page]["rps"] / run[static]["rps"] for run in runs),
            }
        )
    return {
        "rows": rows,
        "workers": server.workers,
        "peak_worker_rss_mb": server.peak_worker_rss / 2**20,
        "peak_total_rss_mb": server.peak_total_rss / 2**20,
    }


def print_phase(summaries: dict) -> None:
    measured = [(label, summaries[label]) for label in MODES.values() if label in summaries]
    names = list(dict.fromkeys(row["page"] for _, s in measured for row in s["rows"]))
    # One column group per measurement, named above it: req/s, ratio to static, p50.
    groups = f"  {'':<30}" + "".join(f"{'| ' + label:<30}" for label, _ in measured)
    header = f"  {'pagina':<30}" + f"{'| req/s':>9}{'× stat.':>10}{'p50 ms':>11}" * len(measured)
    print(groups)
    print(header)
    for name in names:
        line = f"  {name:<30}"
        for _, summary in measured:
            row = next((r for r in summary["rows"] if r["page"] == name), None)
            if row is None:
                line += f"{'| -':<30}"
                continue
            errors = "!" if row["errors"] else " "
            line += f"| {row['rps']:>7.0f}{row['ratio']:>10.2f}{row['p50_ms']:>10.2f}{errors}"
        print(line)
    if any(row["errors"] for _, s in measured for row in s["rows"]):
        print("  ! = met fouten (zie bench/results/)")
    for label, summary in measured:
        print(
            f"  {label}: piek-RSS {summary['peak_worker_rss_mb']:.0f} MB per worker, "
            f"{summary['peak_total_rss_mb']:.0f} MB voor {summary['workers']} workers samen"
        )
    if flood := summaries.get("flood"):
        print(
            f"  flood (stadspagina met steeds nieuwe querystring): {flood['flood_rps']:.0f} req/s "
            f"= {flood['flood_rps'] / flood['before_rps']:.2f} × de stadspagina ervoor "
            f"({flood['before_rps']:.0f}); erna {flood['after_rps']:.0f} req/s "
            f"= {flood['after_rps'] / flood['before_rps']:.2f} ×; cache-items "
            f"{flood['entries_before']} → {flood['entries_after']} na "
            f"{flood['flood_requests']} verzoeken; {flood['errors']} fouten"
        )
    if publish := summaries.get("publicatie"):
        visible = publish["visible_after_ms"]
        print(
            f"  publicatie tijdens belasting: {publish['rps']:.0f} req/s, {publish['errors']} "
            f"fouten, p99 {publish['p99_ms']:.1f} ms; {publish['renders']} keer opnieuw "
            f"opgebouwd, {publish['waited']} lezers wachtten op die opbouw; nieuwe tekst zichtbaar "
            + ("niet binnen 10 s" if visible is None else f"na {visible:.0f} ms"),
            flush=True,
        )
        print(
            f"  een pagina die de publicatie niet raakt ({publish['elsewhere']}): daarna "
            f"{publish['elsewhere_kept']} van {ELSEWHERE_REQUESTS} keer uit de bewaarde "
            f"weergave, {publish['elsewhere_rendered']} keer opnieuw opgebouwd",
            flush=True,
        )


def save(results: dict, args: argparse.Namespace) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS_DIR / f"{stamp}{'-' + args.label if args.label else ''}.json"
    RESULTS_DIR.mkdir(exist_ok=True)
    path.write_text(json.dumps({"settings": vars(args), "phases": results}, indent=2))
    print(f"\nResultaten bewaard in {path.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    sys.exit(main())
