"""The embedded PostgreSQL starts, stops, and recovers from a crashed server by itself.

Each test runs a cluster of its own in temporary folders, never the shared one.
"""

import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from buurtwijs import embedded_db


@pytest.fixture
def cluster(monkeypatch):
    root = Path(tempfile.mkdtemp(prefix="bw-test-", dir="/var/tmp"))
    root.chmod(0o755)  # the server may run as an unprivileged account
    sockets = Path(tempfile.mkdtemp(prefix="bwt-", dir="/tmp"))
    monkeypatch.setattr(embedded_db, "root_dir", lambda: root / "pg")
    monkeypatch.setattr(embedded_db, "socket_dir", lambda: sockets)
    try:
        yield embedded_db
    finally:
        embedded_db.stop()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(sockets, ignore_errors=True)


def connect() -> psycopg.Connection:
    params = {"host": str(embedded_db.socket_dir()), "port": embedded_db.PORT, "user": "postgres"}
    return psycopg.connect(dbname=embedded_db.DATABASE_NAME, autocommit=True, **params)


def query(sql: str):
    with connect() as conn:
        return conn.execute(sql).fetchone()[0]


def test_a_new_cluster_starts_with_the_extensions_and_dutch_search_the_portal_needs(cluster):
    assert cluster.ensure_running() is True

    assert cluster.is_running()
    assert query("SELECT to_tsvector('dutch', 'makelaars')::text") == "'makelar':1"
    available = "SELECT count(*) FROM pg_available_extensions WHERE name IN ('pg_trgm', 'unaccent')"
    assert query(available) == 2


def test_the_server_listens_on_a_unix_socket_only(cluster):
    cluster.ensure_running()

    assert query("SHOW listen_addresses") == ""
    assert (cluster.socket_dir() / f".s.PGSQL.{cluster.PORT}").is_socket()


def test_starting_a_running_cluster_again_changes_nothing(cluster):
    cluster.ensure_running()
    pid = (cluster.data_dir() / "postmaster.pid").read_text().split()[0]

    assert cluster.ensure_running() is False
    assert (cluster.data_dir() / "postmaster.pid").read_text().split()[0] == pid


def test_stop_then_start_keeps_the_data(cluster):
    cluster.ensure_running()
    with connect() as conn:
        conn.execute("CREATE TABLE kept AS SELECT 42 AS answer")
    cluster.stop()
    assert not cluster.is_running()

    cluster.ensure_running()

    assert query("SELECT answer FROM kept") == 42


def test_a_server_that_crashed_is_detected_and_started_afresh(cluster):
    cluster.ensure_running()
    pid = int((cluster.data_dir() / "postmaster.pid").read_text().split()[0])
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while cluster.is_running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (cluster.data_dir() / "postmaster.pid").exists()  # left behind by the crash

    cluster.ensure_running()

    assert cluster.is_running()
    assert query("SELECT 1") == 1
