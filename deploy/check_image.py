"""Checks the production image against a real PostgreSQL, as a deployment would run it.

    .venv/bin/python deploy/check_image.py buurtwijs     # run by bin/test-image after the build

A throwaway PostgreSQL cluster (the embedded binaries, in temporary folders) listens on
127.0.0.1:8101 with a password; the container reaches it over the host network. Every step has
a time limit; the container and the cluster are removed afterwards, also when a check fails.
"""

# ruff: noqa: S603, S607, S108 -- runs podman and the PostgreSQL tools, fetches only from
# 127.0.0.1; the /tmp paths are inside the container

import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from buurtwijs import embedded_db  # noqa: E402

DATABASE_PORT = 8101
WEB_PORT = 8102
HOST = "buurtwijs.example"
DATABASE = "buurtwijs_image"
PODMAN_FLAGS = shlex.split(
    os.environ.get(
        "PODMAN_FLAGS",
        "--runtime runc --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --network host",
    )
)
# Only /tmp is writable, and small: gunicorn keeps its worker heartbeat files there.
READ_ONLY = ["--read-only", "--read-only-tmpfs=false", "--tmpfs", "/tmp:rw,size=64m,mode=1777"]
CONTAINER = f"buurtwijs-check-{os.getpid()}"


class CheckFailed(Exception):
    pass


def main() -> int:
    image = sys.argv[1] if len(sys.argv) > 1 else "buurtwijs"
    password = secrets.token_urlsafe(24)
    root = Path(tempfile.mkdtemp(prefix="bw-image-", dir="/var/tmp"))
    try:
        start_cluster(root, password)
        environment = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "DATABASE_URL": f"postgres://postgres:{password}@127.0.0.1:{DATABASE_PORT}/{DATABASE}",
        }
        run_checks(image, environment)
    except CheckFailed as failure:
        print(f"MISLUKT: {failure}", file=sys.stderr)
        return 1
    finally:
        podman("rm", "--force", "--ignore", CONTAINER, check=False)
        embedded_db.stop()
        shutil.rmtree(root, ignore_errors=True)
    print("Alle controles van het image geslaagd.")
    return 0


def run_checks(image: str, environment: dict) -> None:
    check_image_config(image)
    check_refuses_without(image, environment, "SECRET_KEY")
    check_refuses_without(image, environment, "ALLOWED_HOSTS")
    check_release_step(image, environment)
    check_deploy_checklist(image, environment)
    serve(image, environment)
    check_health(environment)
    check_pages()
    check_runs_unprivileged_on_a_read_only_root()
    check_request_log()


# --- The database --------------------------------------------------------------------------


def start_cluster(root: Path, password: str) -> None:
    """A cluster of its own that also listens on a loopback port, with a password there."""
    root.chmod(0o755)  # the server may run as an unprivileged account
    sockets = root / "s"  # short: unix socket paths are limited to about 107 bytes
    embedded_db.root_dir = lambda: root / "pg"
    embedded_db.socket_dir = lambda: sockets
    embedded_db.start()
    embedded_db.ensure_database(DATABASE)
    statements = [
        f"ALTER USER postgres PASSWORD '{password}'",
        "ALTER SYSTEM SET listen_addresses = '127.0.0.1'",
        f"ALTER SYSTEM SET port = {DATABASE_PORT}",
    ]
    psql = [str(embedded_db.bin_dir() / "psql"), "-h", str(sockets), "-U", "postgres", "-q"]
    run([*psql, *(f"--command={sql}" for sql in statements), "postgres"])
    # initdb trusted every local connection; over TCP a password is needed.
    hba = embedded_db.data_dir() / "pg_hba.conf"
    hba.write_text(
        "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8"
    )
    embedded_db.stop()
    embedded_db.start()
    print(f"PostgreSQL luistert op 127.0.0.1:{DATABASE_PORT} (database {DATABASE}).")


# --- The checks ----------------------------------------------------------------------------


def check_image_config(image: str) -> None:
    inspected = json.loads(podman("image", "inspect", image).stdout)[0]
    user = inspected["Config"].get("User", "")
    expect(user and user.split(":")[0] not in {"0", "root"}, f"image draait als {user!r}")
    health = (inspected.get("Healthcheck") or {}).get("Test", [])
    expect(health and "gezond" in " ".join(health), f"geen HEALTHCHECK in het image: {health}")
    ok(f"image draait als gebruiker {user} en heeft een HEALTHCHECK")


def check_refuses_without(image: str, environment: dict, name: str) -> None:
    """The server itself (gunicorn, the image's command) stops at once and names what is missing."""
    result = container_run(image, {k: v for k, v in environment.items() if k != name}, [])
    expect(result.returncode != 0, f"start zonder {name} slaagde")
    output = result.stdout + result.stderr
    expect(f"{name}" in output and "must be set" in output, f"geen melding over {name}:\n{output}")
    ok(f"weigert te starten zonder {name} en zegt dat: {last_line_with(output, name)}")


def check_release_step(image: str, environment: dict) -> None:
    for command in (["migrate", "--no-input"], ["load_content"]):
        result = container_run(image, environment, ["python", "manage.py", *command], timeout=600)
        expect(result.returncode == 0, f"manage.py {command[0]} mislukte:\n{result.stderr}")
        ok(f"release-stap manage.py {' '.join(command)}: {last_line(result.stdout)}")


def check_deploy_checklist(image: str, environment: dict) -> None:
    command = ["python", "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = container_run(image, environment, command)
    output = result.stdout + result.stderr
    expect(result.returncode == 0 and "no issues" in output, f"check --deploy:\n{output}")
    ok(f"manage.py check --deploy in het image: {last_line(output)}")


def serve(image: str, environment: dict) -> None:
    podman(
        "run", "--detach", "--name", CONTAINER, *PODMAN_FLAGS, *READ_ONLY,
        *env_flags(environment | {"PORT": str(WEB_PORT)}), image,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get("/gezond/").status == 200:
                ok(f"gunicorn in de container antwoordt op 127.0.0.1:{WEB_PORT}")
                return
        except OSError:
            pass
        state = podman("inspect", "--format", "{{.State.Status}}", CONTAINER).stdout.strip()
        expect(state == "running", f"container gestopt ({state}):\n{logs()}")
        time.sleep(0.5)
    raise CheckFailed(f"geen antwoord binnen 60 s:\n{logs()}")


def check_health(environment: dict) -> None:
    result = podman("healthcheck", "run", CONTAINER, check=False)
    expect(result.returncode == 0, f"HEALTHCHECK mislukte: {result.stdout}{result.stderr}")
    ok("het HEALTHCHECK-commando van het image slaagt")


def check_pages() -> None:
    plain = get("/")
    expect(plain.status == 301, f"http zonder proxy-kop: {plain.status}, verwacht 301 naar https")
    home = get("/", https=True)
    page = home.read().decode()
    expect(home.status == 200 and "Buurtwijs" in page, f"home: {home.status}")
    expect("Content-Security-Policy" in home.headers, "home zonder Content-Security-Policy")
    city = get("/steden/utrecht/", https=True)
    expect(city.status == 200 and "Utrecht" in city.read().decode(), f"stad: {city.status}")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page)
    expect(stylesheet, "geen stylesheet in de home-pagina")
    static = get(stylesheet.group(1), https=True)
    body = static.read()
    expect(static.status == 200 and body, f"{stylesheet.group(1)}: {static.status}")
    expect("immutable" in static.headers.get("Cache-Control", ""), "static zonder immutable")
    ok(f"home, /steden/utrecht/ en {stylesheet.group(1)} ({len(body)} bytes) antwoorden 200")


def check_runs_unprivileged_on_a_read_only_root() -> None:
    uid = podman("exec", CONTAINER, "id", "-u").stdout.strip()
    expect(uid not in {"", "0"}, f"container draait als uid {uid}")
    workers = podman("top", CONTAINER, "user", "args").stdout
    expect(" root " not in f" {workers} ", f"een proces draait als root:\n{workers}")
    for path in ["/app/probe", "/probe"]:
        result = podman("exec", CONTAINER, "touch", path, check=False)
        expect(result.returncode != 0, f"{path} is schrijfbaar")
        expect("Read-only file system" in result.stderr, f"{path}: {result.stderr.strip()}")
    expect(podman("exec", CONTAINER, "touch", "/tmp/probe", check=False).returncode == 0, "/tmp")
    ok(f"draait als uid {uid}, root-bestandssysteem alleen-lezen, alleen /tmp (tmpfs) schrijfbaar")


def check_request_log() -> None:
    lines = [line for line in logs().splitlines() if line.startswith("{")]
    requests = [json.loads(line) for line in lines if '"path"' in line]
    expect(any(entry.get("path") == "/steden/utrecht/" for entry in requests), "geen verzoeklog")
    ok(f"{len(requests)} verzoeken gelogd als JSON-regels op stdout")


# --- Helpers -------------------------------------------------------------------------------


def container_run(image, environment, command, timeout=120) -> subprocess.CompletedProcess:
    # A one-off command: no health check (podman would also try to schedule it with systemd).
    flags = [*PODMAN_FLAGS, *READ_ONLY, "--no-healthcheck"]
    args = ["run", "--rm", *flags, *env_flags(environment), image, *command]
    return podman(*args, check=False, timeout=timeout)


def env_flags(environment: dict) -> list[str]:
    return [flag for key, value in environment.items() for flag in ("--env", f"{key}={value}")]


def podman(*args, check=True, timeout=120) -> subprocess.CompletedProcess:
    return run(["podman", *args], check=check, timeout=timeout)


def run(command, check=True, timeout=120) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if check and result.returncode != 0:
        shown = " ".join(command[:4])
        raise CheckFailed(f"{shown} … gaf {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


def get(path: str, https: bool = False) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=10)
    headers = {"Host": HOST} | ({"X-Forwarded-Proto": "https"} if https else {})
    connection.request("GET", path, headers=headers)
    return connection.getresponse()


def logs() -> str:
    result = podman("logs", CONTAINER, check=False)
    return result.stdout + result.stderr


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def last_line_with(text: str, word: str) -> str:
    return last_line("\n".join(line for line in text.splitlines() if word in line))


def expect(condition, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def ok(message: str) -> None:
    print(f"  ok  {message}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
