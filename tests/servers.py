"""Real servers for the outage and page-cache tests: a PostgreSQL cluster that may be stopped,
and a Redis on a loopback port. Import the fixtures into a test module to use them."""

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from buurtwijs import cache, embedded_db

# Loopback ports of this suite's servers (the cache tests own 8200-8299).
REDIS_PORT = 8201
GUNICORN_PORT = 8202


@pytest.fixture(scope="module")
def throwaway_cluster(django_db_blocker):
    """A migrated cluster of its own in temporary folders, used as the default database.

    Stopping it never disturbs the shared database or anyone else's test run. Tests in the
    module may use the database without the ``db`` fixture; what they write is committed.
    """
    root = Path(tempfile.mkdtemp(prefix="bw-storing-", dir="/var/tmp"))
    root.chmod(0o755)  # the server may run as an unprivileged account
    sockets = Path(tempfile.mkdtemp(prefix="bws-", dir="/tmp"))
    default = connections["default"]
    saved = dict(default.settings_dict)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(embedded_db, "root_dir", lambda: root / "pg")
    monkeypatch.setattr(embedded_db, "socket_dir", lambda: sockets)
    try:
        embedded_db.start()
        embedded_db.ensure_database("storing")
        with django_db_blocker.unblock():
            default.close()
            default.settings_dict.update(HOST=str(sockets), NAME="storing")
            call_command("migrate", verbosity=0)
            yield embedded_db
    finally:
        cache._watcher.close()
        default.close()
        default.settings_dict.clear()
        default.settings_dict.update(saved)
        embedded_db.stop()
        monkeypatch.undo()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(sockets, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url():
    """A real redis-server on 127.0.0.1, memory-bounded as production should be, no disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail(
            "redis-server ontbreekt: bin/test installeert het (apt-get install redis-server)"
        )
    folder = tempfile.mkdtemp(prefix="bw-redis-")
    command = [
        binary, "--bind", "127.0.0.1", "--port", str(REDIS_PORT), "--dir", folder,
        "--save", "", "--appendonly", "no", "--maxmemory", "64mb",
        "--maxmemory-policy", "allkeys-lru",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(REDIS_PORT, process)
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def redis_caches(url: str) -> dict:
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"de server op poort {port} stopte meteen")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"niets antwoordde op poort {port} binnen {seconds:.0f} s")
