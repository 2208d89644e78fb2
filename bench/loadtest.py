#!/usr/bin/env python3
"""A bounded load run against a running portal, on this machine only.

    .venv/bin/python bench/loadtest.py [URL] [--duration 60] [--clients 32]

Starts from the home page and the list of cities, finds a city, a district and a comparison, and
then lets every client request a mix of pages as fast as the portal answers, until the time or
the request budget runs out. Prints the number of requests, errors, status counts, requests per
second and the 50th/95th/99th percentile of the response times. Exits with 1 if anything failed.
Only loopback addresses are accepted: this is a tool for measuring, not for hammering a server.
"""

import argparse
import collections
import ipaddress
import random
import re
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000"
CITY_LINK = re.compile(r'href="(/steden/[a-z0-9-]+/)"')
DISTRICT_LINK = re.compile(r'href="(/steden/[a-z0-9-]+/wijken/[a-z0-9-]+/)"')
TIMEOUT_SECONDS = 30


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", default=DEFAULT_URL, help=f"default {DEFAULT_URL}")
    parser.add_argument("--duration", type=float, default=60, help="seconds (default 60, max 600)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (max 128)")
    parser.add_argument(
        "--max-requests", type=int, default=200_000, help="stop after this many requests"
    )
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 600 or not 0 < args.clients <= 128 or args.max_requests < 1:
        parser.error("duration 0-600 s, 1-128 clients, at least one request")
    return args


def require_loopback(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        sys.exit(f"Alleen http- en https-adressen, niet {url}.")
    host = parts.hostname or ""
    addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    if not addresses or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        sys.exit(f"{host} is geen loopback-adres; dit script test alleen de eigen machine.")


def fetch(url: str) -> tuple[int, bytes]:
    # Only http(s) URLs on loopback get here (require_loopback).
    request = urllib.request.Request(url, headers={"User-Agent": "buurtwijs-loadtest"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def discover_paths(base: str) -> list[str]:
    """The mix: every kind of public page, with real slugs taken from the portal itself."""
    status, body = fetch(base + "/steden/")
    if status != 200:
        sys.exit(f"{base}/steden/ gaf {status}; draait de portal?")
    cities = sorted(set(CITY_LINK.findall(body.decode())))
    if not cities:
        sys.exit("Geen steden gevonden op /steden/; is de inhoud geladen?")
    districts = sorted(set(DISTRICT_LINK.findall(fetch(base + cities[0])[1].decode())))
    slugs = [path.split("/")[2] for path in cities]
    compare = "/vergelijk/?" + urllib.parse.urlencode([("steden", s) for s in slugs[:3]])
    paths = ["/", "/steden/", *cities, *districts[:3], compare, "/begrippen/", "/bronnen/"]
    paths += ["/over/", "/zoeken/?q=wijkaanpak", "/zoeken/?q=sociaal+makelaar", "/gezond/"]
    return paths


class Tally:
    def __init__(self, budget: int):
        self.lock = threading.Lock()
        self.budget = budget
        self.statuses = collections.Counter()
        self.failures = collections.Counter()
        self.durations = []

    def take(self) -> bool:
        with self.lock:
            self.budget -= 1
            return self.budget >= 0

    def record(self, status, seconds: float, path: str) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.durations.append(seconds)
            if not isinstance(status, int) or status >= 400:
                self.failures[f"{status} {path}"] += 1


def client(base: str, paths: list[str], deadline: float, tally: Tally, seed: int) -> None:
    chooser = random.Random(seed)  # noqa: S311 -- a page mix, not a secret
    while time.monotonic() < deadline and tally.take():
        path = chooser.choice(paths)
        started = time.perf_counter()
        try:
            status, _ = fetch(base + path)
        except (OSError, urllib.error.URLError) as error:
            status = type(error).__name__
        tally.record(status, time.perf_counter() - started, path)


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def report(tally: Tally, elapsed: float, clients: int) -> int:
    durations = sorted(tally.durations)
    errors = sum(tally.failures.values())
    print(f"duur          {elapsed:.1f} s, {clients} gelijktijdige clients")
    print(f"verzoeken     {len(durations)}")
    print(f"fouten        {errors}")
    print(
        "statussen     "
        + ", ".join(f"{k}: {v}" for k, v in sorted(tally.statuses.items(), key=str))
    )
    print(f"per seconde   {len(durations) / elapsed:.1f}")
    for name, fraction in (("p50", 0.50), ("p95", 0.95), ("p99", 0.99)):
        print(f"{name}           {percentile(durations, fraction) * 1000:.0f} ms")
    for failure, count in tally.failures.most_common(10):
        print(f"  fout: {failure} ({count}x)")
    return 1 if errors else 0


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    base = args.url.rstrip("/")
    require_loopback(base)
    paths = discover_paths(base)
    print(f"{len(paths)} pagina's in de mix, {args.clients} clients, {args.duration:.0f} s ...")
    tally = Tally(args.max_requests)
    started = time.monotonic()
    deadline = started + args.duration
    threads = [
        threading.Thread(target=client, args=(base, paths, deadline, tally, n), daemon=True)
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.duration + TIMEOUT_SECONDS + 5)
    return report(tally, time.monotonic() - started, args.clients)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
