"""The portal as several nodes: two gunicorn nodes on one PostgreSQL behind nginx, sharing their
page cache in Redis, the way docs/deploy.md deploys it.

Everything is real and runs on loopback ports 8110-8129: a throwaway PostgreSQL cluster,
redis-server, nginx with deploy/nginx/buurtwijs.conf (TLS with a certificate made for the test),
and gunicorn started as the image starts it, with production settings. Each test runs twice:
with every node listening for content changes on its own PostgreSQL connection, and with the
nodes behind pgbouncer in transaction mode, where LISTEN cannot work
(BUURTWIJS_PAGE_CACHE_LISTEN=0). Every wait and the load test are bounded.
"""

# ruff: noqa: S603, S607 -- starts fixed local servers and talks only to 127.0.0.1

import html
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http import client as http_client
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import redis

from buurtwijs import embedded_db

pytestmark = pytest.mark.multinode

BASE_DIR = Path(__file__).resolve().parent.parent
NGINX_SITE = BASE_DIR / "deploy" / "nginx" / "buurtwijs.conf"
HOST = "buurtwijs.example"
DATABASE = "multinode"
EDITOR = "hoofdredacteur-multinode"
EDITOR_PASSWORD = secrets.token_urlsafe(16)
# The first port of each arrangement; see Ports.
FIRST_PORT = {"listen": 8110, "pgbouncer": 8120}
LOAD_SECONDS = 8
LOAD_CLIENTS = 6
MAX_REQUESTS = 20000
PAGES = ["/", "/steden/", "/steden/utrecht/", "/begrippen/", "/gezond/"]
SBIN_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])


@dataclass
class Ports:
    first: int

    node_a = property(lambda self: self.first)
    node_b = property(lambda self: self.first + 1)
    redis = property(lambda self: self.first + 2)
    pgbouncer = property(lambda self: self.first + 3)
    http = property(lambda self: self.first + 4)
    https = property(lambda self: self.first + 5)


# --- HTTP ----------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    text: str


@dataclass
class Client:
    """Talks to one address and keeps cookies, the Secure ones too (the site is https)."""

    port: int
    tls: ssl.SSLContext | None = None  # None: straight to a node, as the proxy would
    cookies: dict = field(default_factory=dict)
    _connection: http_client.HTTPConnection | None = None

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict) -> Response:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}{path}",
        }
        return self.request("POST", path, urllib.parse.urlencode(form), headers)

    def request(self, method, path, body=None, extra_headers=None) -> Response:
        headers = {"Host": HOST, **(extra_headers or {})}
        if self.tls is None:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = self._connect()
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            text = raw.read().decode(errors="replace")
        except (OSError, http_client.HTTPException):
            self.close()
            raise
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Response(raw.status, dict(raw.headers), text)

    def _connect(self) -> http_client.HTTPConnection:
        if self._connection is None:
            if self.tls is None:
                self._connection = http_client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            else:
                self._connection = http_client.HTTPSConnection(
                    "127.0.0.1", self.port, timeout=15, context=self.tls
                )
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def log_in(client: Client) -> None:
    token = csrf_token(client.get("/beheer/login/").text)
    form = {"username": EDITOR, "password": EDITOR_PASSWORD, "csrfmiddlewaretoken": token}
    response = client.post("/beheer/login/?next=/beheer/", form | {"next": "/beheer/"})
    assert response.status == 302, response.text[:2000]


def publish_city(client: Client, pk: int) -> None:
    """The list action "Publiceer de geselecteerde steden", as a hoofdredacteur uses it."""
    token = csrf_token(client.get("/beheer/cities/city/").text)
    form = {
        "action": "publish",
        "_selected_action": str(pk),
        "index": "0",
        "select_across": "0",
        "csrfmiddlewaretoken": token,
    }
    response = client.post("/beheer/cities/city/", form)
    assert response.status == 302, response.text[:2000]


# --- Servers -------------------------------------------------------------------------------


def server_user() -> dict:
    """pgbouncer refuses to run as root: as root, use nobody, as PostgreSQL does."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


def program(name: str) -> str:
    path = shutil.which(name, path=SBIN_PATH)
    assert path, f"{name} ontbreekt: bin/test installeert het (apt-get install)"
    return path


def start(command, log: Path, env=None, **kwargs) -> subprocess.Popen:
    with log.open("ab") as output:
        return subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=BASE_DIR,
            start_new_session=True, **kwargs,
        )  # fmt: skip


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds=30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{process.args[0]} stopte:\n{log.read_text()[-3000:]}"
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"niets luistert op 127.0.0.1:{port} na {seconds} s:\n{log.read_text()[-3000:]}")


def clean_environment(**settings) -> dict:
    """What a deployment gives a node: production settings, none of this test run's switches."""
    kept = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    environment = {key: value for key, value in os.environ.items() if key in kept}
    return environment | {
        "BUURTWIJS_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "buurtwijs.settings",
        "ALLOWED_HOSTS": HOST,
        "PYTHONUNBUFFERED": "1",
    } | settings  # fmt: skip


def manage(env: dict, *args: str, timeout: int = 600) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"manage.py {args[0]}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def database():
    """A throwaway cluster with a migrated database holding the initial content and an editor."""
    root = Path(tempfile.mkdtemp(prefix="bw-multinode-", dir="/var/tmp"))
    root.chmod(0o755)  # the server may run as an unprivileged account
    sockets = root / "s"
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(embedded_db, "root_dir", lambda: root / "pg")
    monkeypatch.setattr(embedded_db, "socket_dir", lambda: sockets)
    try:
        embedded_db.start()
        embedded_db.ensure_database(DATABASE)
        socket = str(sockets).replace("/", "%2F")
        url = f"postgres://postgres@{socket}:{embedded_db.PORT}/{DATABASE}"
        env = clean_environment(SECRET_KEY=secrets.token_urlsafe(50), DATABASE_URL=url)
        manage(env, "migrate", "--no-input")
        manage(env, "load_content")
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        editor_env = env | {"BUURTWIJS_EDITOR_PASSWORD": EDITOR_PASSWORD}
        manage(editor_env, "create_editor", EDITOR, "--rol=hoofdredacteur", "--password-from-env")
        yield {"env": env, "sockets": sockets, "root": root}
    finally:
        embedded_db.stop()
        monkeypatch.undo()
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class Stack:
    mode: str
    ports: Ports
    env: dict
    folder: Path
    tls: ssl.SSLContext
    nodes: dict = field(default_factory=dict)
    processes: list = field(default_factory=list)

    def node(self, name: str) -> Client:
        return Client(getattr(self.ports, f"node_{name}"))

    def proxy(self) -> Client:
        return Client(self.ports.https, tls=self.tls)

    def log(self, name: str) -> Path:
        return self.folder / f"{name}.log"

    def requests_served(self, node: str) -> int:
        return self.log(f"node-{node}").read_text().count('"path": ')

    def draft_city(self, slug: str, name: str) -> int:
        # A CBS code no other city in this database has (the tests share the database).
        code = (
            "from cities.models import City; "
            "taken = set(City.objects.values_list('cbs_code', flat=True)); "
            "free = next(f'GM{n}' for n in range(9000, 10000) if f'GM{n}' not in taken); "
            f"city = City.objects.create(name={name!r}, official_name={name!r}, slug={slug!r}, "
            "cbs_code=free, summary='Een stad voor de proef.'); "
            "print('DRAFT', city.pk, city.status)"
        )
        output = manage(self.env, "shell", "--command", code)
        pk, status = re.search(r"^DRAFT (\d+) (\w+)$", output, re.MULTILINE).groups()
        assert status == "concept"
        return int(pk)


def make_certificate(folder: Path) -> ssl.SSLContext:
    subprocess.run(
        [
            program("openssl"), "req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
            "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
            "-keyout", str(folder / "tls.key"), "-out", str(folder / "tls.crt"),
        ],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return ssl.create_default_context(cafile=folder / "tls.crt")


def nginx_config(folder: Path, ports: Ports) -> Path:
    """deploy/nginx/buurtwijs.conf with this test's nodes, ports and certificate."""
    site = NGINX_SITE.read_text()
    nodes = f"server 127.0.0.1:{ports.node_a}\\1;\n    server 127.0.0.1:{ports.node_b}\\1;"
    replacements = [
        (r"server web:8000([^;]*);", nodes),
        (r"listen 80;", f"listen 127.0.0.1:{ports.http};"),
        (r"listen 443 ssl", f"listen 127.0.0.1:{ports.https} ssl"),
        (r"server_name [^;]+;", f"server_name {HOST};"),
        (r"ssl_certificate [^;]+;", f"ssl_certificate {folder / 'tls.crt'};"),
        (r"ssl_certificate_key [^;]+;", f"ssl_certificate_key {folder / 'tls.key'};"),
    ]
    for pattern, replacement in replacements:
        site, count = re.subn(pattern, replacement, site)
        assert count == 1, f"{pattern!r} staat niet precies één keer in {NGINX_SITE}"
    (folder / "site.conf").write_text(site)
    temp_paths = "".join(
        f"  {kind}_temp_path {folder / ('nginx-' + kind)};\n"
        for kind in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    )
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    main = (
        f"{user}worker_processes 1;\ndaemon off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'nginx.log'} warn;\n"
        "events { worker_connections 512; }\n"
        f"http {{\n  access_log off;\n{temp_paths}  include {folder / 'site.conf'};\n}}\n"
    )
    (folder / "nginx.conf").write_text(main)
    return folder / "nginx.conf"


def pgbouncer_config(folder: Path, ports: Ports, sockets: Path) -> Path:
    (folder / "users.txt").write_text('"postgres" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"{DATABASE} = host={sockets} port={embedded_db.PORT} dbname={DATABASE} user=postgres\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {ports.pgbouncer}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\n"
        "pool_mode = transaction\ndefault_pool_size = 10\nmax_client_conn = 200\n"
    )
    return folder / "pgbouncer.ini"


@pytest.fixture(scope="module", params=["listen", "pgbouncer"])
def stack(request, database):
    mode = request.param
    ports = Ports(FIRST_PORT[mode])
    folder = Path(tempfile.mkdtemp(prefix=f"bw-{mode}-", dir=database["root"]))
    folder.chmod(0o755)
    env = dict(database["env"], REDIS_URL=f"redis://127.0.0.1:{ports.redis}/0")
    if mode == "pgbouncer":
        url = f"postgres://postgres@127.0.0.1:{ports.pgbouncer}/{DATABASE}"
        env |= {"DATABASE_URL": url, "DATABASE_TRANSACTION_POOLING": "1"}
        env |= {"BUURTWIJS_PAGE_CACHE_LISTEN": "0"}
    # Two processes of four threads per node, as the image runs on two cores.
    env |= {"WEB_CONCURRENCY": "2", "GUNICORN_THREADS": "4"}
    built = Stack(mode, ports, env, folder, make_certificate(folder))
    try:
        redis_command = [
            program("redis-server"), "--bind", "127.0.0.1", "--port", str(ports.redis),
            "--save", "", "--appendonly", "no", "--dir", str(folder),
        ]  # fmt: skip
        built.processes.append(start(redis_command, built.log("redis")))
        wait_for_port(ports.redis, built.processes[-1], built.log("redis"))
        if mode == "pgbouncer":
            config = pgbouncer_config(folder, ports, database["sockets"])
            log = built.log("pgbouncer")
            built.processes.append(start([program("pgbouncer"), str(config)], log, **server_user()))
            wait_for_port(ports.pgbouncer, built.processes[-1], log)
        for name in "ab":
            port = getattr(ports, f"node_{name}")
            command = [
                str(Path(sys.executable).with_name("gunicorn")), "--config",
                "buurtwijs/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "buurtwijs.wsgi",
            ]  # fmt: skip
            built.nodes[name] = start(command, built.log(f"node-{name}"), env=env)
            built.processes.append(built.nodes[name])
        for name in "ab":
            port = getattr(ports, f"node_{name}")
            wait_for_port(port, built.nodes[name], built.log(f"node-{name}"))
        nginx = [program("nginx"), "-c", str(nginx_config(folder, ports)), "-e", "stderr"]
        built.processes.append(start(nginx, built.log("nginx")))
        wait_for_port(ports.https, built.processes[-1], built.log("nginx"))
        yield built
    finally:
        for process in reversed(built.processes):
            stop(process)


# --- The tests -----------------------------------------------------------------------------


def test_nginx_overwrites_the_forwarded_protocol_a_client_sends(stack):
    plain = http_client.HTTPConnection("127.0.0.1", stack.ports.http, timeout=15)
    plain.request("GET", "/steden/", headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    response = plain.getresponse()
    assert response.status == 301  # the node saw "http" and redirects
    assert response.headers["Location"] == f"https://{HOST}/steden/"

    secure = stack.proxy().get("/steden/")
    assert secure.status == 200
    assert "max-age=31536000" in secure.headers["Strict-Transport-Security"]


def test_a_publish_through_node_a_is_seen_on_node_b_at_its_next_request(stack):
    name, slug = f"Proefstad {stack.mode} een", f"proefstad-{stack.mode}-een"
    pk = stack.draft_city(slug, name)
    node_a, node_b = stack.node("a"), stack.node("b")
    for _ in range(4):  # both processes of both nodes now hold the page
        for node in (node_a, node_b):
            page = node.get("/steden/")
            assert page.status == 200
            assert html.escape(name) not in page.text
    assert node_b.get(f"/steden/{slug}/").status == 404
    # The pages are in the shared cache, not only in each process.
    assert redis.Redis(port=stack.ports.redis).dbsize() > 0

    editor = stack.node("a")
    log_in(editor)
    publish_city(editor, pk)

    for _ in range(4):
        page = node_b.get("/steden/")
        assert page.status == 200
        assert name in page.text
    assert node_b.get(f"/steden/{slug}/").status == 200
    assert name in stack.proxy().get("/steden/").text


@dataclass
class Outcome:
    started: float
    path: str
    status: int | str
    fresh: bool


def load(stack: Stack, stop_at: float, name: str, outcomes: list, budget: threading.Semaphore):
    """One client going round the pages through the proxy until the time or budget runs out."""
    client = stack.proxy()
    pages = [*PAGES, static_path(stack)]
    turn = 0
    while time.monotonic() < stop_at and budget.acquire(blocking=False):
        path = pages[turn % len(pages)]
        turn += 1
        started = time.monotonic()
        try:
            response = client.get(path)
            outcome = Outcome(started, path, response.status, name in response.text)
        except (OSError, http_client.HTTPException) as error:
            outcome = Outcome(started, path, type(error).__name__, False)
        outcomes.append(outcome)
    client.close()


def static_path(stack: Stack) -> str:
    home = stack.proxy().get("/").text
    return re.search(r'href="(/static/[^"]+\.css)"', home).group(1)


def test_load_across_both_nodes_with_a_publish_in_the_middle(stack):
    name, slug = f"Proefstad {stack.mode} twee", f"proefstad-{stack.mode}-twee"
    pk = stack.draft_city(slug, name)
    editor = stack.proxy()  # the editor's requests go to whichever node nginx picks
    log_in(editor)
    served_before = {node: stack.requests_served(node) for node in "ab"}
    outcomes: list[Outcome] = []
    budget = threading.Semaphore(MAX_REQUESTS)
    stop_at = time.monotonic() + LOAD_SECONDS
    clients = [
        threading.Thread(target=load, args=(stack, stop_at, name, outcomes, budget))
        for _ in range(LOAD_CLIENTS)
    ]
    for thread in clients:
        thread.start()
    time.sleep(LOAD_SECONDS / 3)
    publish_started = time.monotonic()
    publish_city(editor, pk)
    committed = time.monotonic()  # the answer came back, so the transaction has committed
    for thread in clients:
        thread.join(timeout=LOAD_SECONDS + 30)
    duration = time.monotonic() - stop_at + LOAD_SECONDS

    errors = [outcome for outcome in outcomes if outcome.status != 200]
    assert not errors, f"{len(errors)} fouten van {len(outcomes)}: {errors[:5]}"
    city_list = [outcome for outcome in outcomes if outcome.path == "/steden/"]
    before = [outcome for outcome in city_list if outcome.started < publish_started]
    after = [outcome for outcome in city_list if outcome.started > committed]
    assert before and not any(outcome.fresh for outcome in before)
    assert len(after) >= 20, f"te weinig verzoeken na de publicatie: {len(after)}"
    stale = [outcome for outcome in after if not outcome.fresh]
    assert not stale, f"{len(stale)} van {len(after)} verzoeken na de commit zagen de oude lijst"
    for node in "ab":
        served = stack.requests_served(node) - served_before[node]
        assert served > len(outcomes) / 5, f"node {node} kreeg {served} van {len(outcomes)}"
    print(
        f"\n[{stack.mode}] {len(outcomes)} verzoeken in {duration:.1f} s via nginx, 0 fouten; "
        f"{len(after)} keer /steden/ na de commit, alle met de nieuwe stad"
    )


def test_killing_one_node_leaves_the_site_answering_through_the_other(stack):
    stop(stack.nodes["b"], signal.SIGKILL)
    proxy = stack.proxy()
    pages = [*PAGES, static_path(stack)]

    statuses = [proxy.get(path).status for _ in range(4) for path in pages]

    assert statuses == [200] * len(statuses)
    assert stack.node("a").get("/gezond/").status == 200
    with pytest.raises(ConnectionRefusedError):
        stack.node("b").get("/gezond/")
