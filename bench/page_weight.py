"""What a first visit to a city page costs: bytes over the wire and render-blocking requests.

    .venv/bin/python bench/page_weight.py                      # starts the portal itself
    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8000/steden/utrecht/

Fetches the page as a browser with an empty cache would (Accept-Encoding: br, gzip), then every
stylesheet, script and font it needs (fonts found in the stylesheets too), and adds up the
compressed sizes. Render-blocking: stylesheets, and scripts in <head> without defer, async or
type=module. Budget: 40 KB and one blocking request. Also checks that static files are sent
compressed with far-future cache headers.
"""

# ruff: noqa: S310 -- fetches only the portal it is pointed at

import argparse
import re
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BUDGET_BYTES = 40 * 1024
MAX_BLOCKING = 1
YEAR = 365 * 24 * 3600
HEADERS = {"Accept-Encoding": "br, gzip", "X-Forwarded-Proto": "https"}
FONT_URL = re.compile(rb"url\(\s*['\"]?([^'\")]+\.(?:woff2?|ttf|otf))", re.IGNORECASE)


class Assets(HTMLParser):
    """The stylesheets, scripts and preloaded fonts of a page, and which of them block rendering."""

    def __init__(self):
        super().__init__()
        self.in_head = False
        self.urls: list[tuple[str, str]] = []  # (kind, url)
        self.blocking: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.urls.append(("css", attrs["href"]))
            if attrs.get("media", "all") in {"all", "screen"}:
                self.blocking.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "preload" and attrs.get("as") == "font":
            self.urls.append(("font", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.urls.append(("js", attrs["src"]))
            deferred = {"defer", "async"} & attrs.keys() or attrs.get("type") == "module"
            if self.in_head and not deferred:
                self.blocking.append(attrs["src"])


def fetch(url: str) -> tuple[bytes, dict]:
    request = urllib.request.Request(url, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), {k.lower(): v for k, v in response.headers.items()}


def measure(page_url: str) -> dict:
    """Fetch the page and what it needs; the figures, one row per file."""
    html, headers = fetch(page_url)
    rows = [("html", page_url, len(html), headers.get("content-encoding", "-"), "")]
    text = decode(html, headers.get("content-encoding"))
    parser = Assets()
    parser.feed(text.decode())
    seen = set()
    problems = []
    for kind, href in parser.urls + fonts_in_stylesheets(page_url, parser.urls):
        url = urljoin(page_url, href)
        if url in seen:
            continue
        seen.add(url)
        body, asset_headers = fetch(url)
        rows.append((kind, url, len(body), asset_headers.get("content-encoding", "-"), ""))
        problems += static_problems(url, asset_headers)
    return {
        "rows": rows,
        "total": sum(row[2] for row in rows),
        "blocking": parser.blocking,
        "problems": problems,
    }


def fonts_in_stylesheets(page_url: str, urls: list) -> list[tuple[str, str]]:
    fonts = []
    for kind, href in urls:
        if kind == "css":
            css_url = urljoin(page_url, href)
            body, headers = fetch(css_url)
            for match in FONT_URL.findall(decode(body, headers.get("content-encoding"))):
                fonts.append(("font", urljoin(css_url, match.decode())))
    return fonts


def decode(body: bytes, encoding: str | None) -> bytes:
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "gzip":
        import gzip

        return gzip.decompress(body)
    return body


def static_problems(url: str, headers: dict) -> list[str]:
    """Far-future caching for fingerprinted files, and compression for text files."""
    problems = []
    path = urlsplit(url).path
    max_age = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
    if path.startswith("/static/") and (not max_age or int(max_age.group(1)) < YEAR):
        problems.append(f"{path}: Cache-Control '{headers.get('cache-control', '')}'")
    is_text = path.endswith((".css", ".js", ".svg"))
    if is_text and headers.get("content-encoding") not in {"br", "gzip"}:
        problems.append(f"{path}: niet gecomprimeerd verzonden")
    return problems


def report(figures: dict) -> bool:
    """Print the figures; True when the page is within its budget."""
    for kind, url, size, encoding, _ in figures["rows"]:
        print(f"  {kind:<5}{size:>8} B  {encoding:<5} {urlsplit(url).path}")
    total, blocking = figures["total"], figures["blocking"]
    within = total <= BUDGET_BYTES and len(blocking) <= MAX_BLOCKING and not figures["problems"]
    print(
        f"  eerste bezoek: {total / 1024:.1f} KB gecomprimeerd (budget {BUDGET_BYTES // 1024} KB)"
    )
    print(f"  render-blokkerend: {len(blocking)} ({', '.join(blocking) or 'geen'})")
    for problem in figures["problems"]:
        print(f"  ! {problem}")
    print("  binnen het budget" if within else "  BUITEN HET BUDGET")
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="een stadspagina van een draaiende portal")
    parser.add_argument("--port", type=int, default=8791, help="poort als dit script zelf start")
    args = parser.parse_args()
    if args.url:
        return 0 if report(measure(args.url)) else 1
    import run as bench  # the benchmark's way of starting the portal

    return 0 if bench.page_weight_standalone(args.port, measure, report) else 1


if __name__ == "__main__":
    sys.exit(main())
