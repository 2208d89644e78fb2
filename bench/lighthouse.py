"""Lighthouse (mobile, simulated throttling) on the home page, a city and the comparison.

Start the portal first (``./bin/start``), then::

    .venv/bin/python bench/lighthouse.py [--url http://localhost:8000] [--city amsterdam]

Installs Lighthouse from npm into ``bench/.lighthouse/`` (ignored by git) the first time and
runs it with Debian's Chromium. Prints the four category scores per page and every audit that
fell short, so a score below 100 says why. Scores depend on the machine's load (total blocking
time is measured on a throttled CPU), so this is a benchmark, not a test.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LIGHTHOUSE_VERSION = "12.8.2"
HERE = Path(__file__).resolve().parent
INSTALL_DIR = HERE / ".lighthouse"
BINARY = INSTALL_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
COMPARED = ("amsterdam", "den-haag", "rotterdam", "utrecht")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8000")
    parser.add_argument("--city", default="amsterdam")
    args = parser.parse_args()
    ensure_lighthouse()
    compare = "/vergelijk/?" + "&".join(f"steden={slug}" for slug in COMPARED)
    pages = [("home", "/"), ("stad", f"/steden/{args.city}/"), ("vergelijking", compare)]
    below = 0
    for name, path in pages:
        report = run(args.url.rstrip("/") + path)
        scores = {key: category["score"] for key, category in report["categories"].items()}
        print(f"{name:<14} " + "  ".join(f"{k} {round((v or 0) * 100)}" for k, v in scores.items()))
        for audit in shortfalls(report):
            print(f"    {audit}")
        below += sum(1 for value in scores.values() if value != 1)
    return 1 if below else 0


def ensure_lighthouse() -> None:
    if BINARY.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm ontbreekt: installeer Debian's nodejs en npm (apt-get install npm).")
    INSTALL_DIR.mkdir(exist_ok=True)
    subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=INSTALL_DIR,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run(url: str, attempts: int = 3) -> dict:
    """One report; a run Lighthouse itself says went wrong (a lost trace) is run again."""
    for _ in range(attempts):
        report = run_once(url)
        if not report.get("runtimeError"):
            break
    return report


def run_once(url: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        subprocess.run(
            [
                str(BINARY),
                url,
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                "--output=json",
                f"--output-path={output}",
            ],
            env=os.environ | {"CHROME_PATH": CHROMIUM},
            check=False,
            timeout=300,
        )
        if not output.exists():
            sys.exit(f"Lighthouse gaf geen rapport voor {url}")
        return json.loads(output.read_text())


def shortfalls(report: dict) -> list[str]:
    """Scored audits below 1 that count towards a category, with what Lighthouse measured."""
    counted = {ref["id"] for c in report["categories"].values() for ref in c["auditRefs"]}
    found = []
    for key, audit in report["audits"].items():
        score = audit.get("score")
        if key in counted and score is not None and score < 1:
            found.append(f"{key}: {score:.2f} {audit.get('displayValue', '')}".rstrip())
    return found


if __name__ == "__main__":
    sys.exit(main())
