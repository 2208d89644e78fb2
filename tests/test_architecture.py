"""Where the code lives: no package holds most of it (the layering itself is import-linter's,
run by bin/test, see pyproject.toml and docs/architecture.md)."""

from pathlib import Path

import pytest

BASE = Path(__file__).resolve().parent.parent
# The project's own packages, as import-linter knows them.
PACKAGES = [
    "buurtwijs",
    "editorial",
    "library",
    "cities",
    "approaches",
    "search",
    "api",
    "initial_content",
    "scale_data",
    "feedback",
]
# Not counted: generated migrations and the initial content, which is data written as Python.
EXCLUDED_PARTS = {"migrations", "content"}


def lines_of_code(package: str) -> int:
    files = [
        path
        for path in (BASE / package).rglob("*.py")
        if not EXCLUDED_PARTS.intersection(path.relative_to(BASE).parts)
    ]
    return sum(len(path.read_text().splitlines()) for path in files)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_package_holds_more_than_a_third_of_the_code(package):
    total = sum(lines_of_code(name) for name in PACKAGES)
    assert lines_of_code(package) <= total / 3, f"{package}: {lines_of_code(package)} of {total}"


def test_the_list_of_packages_is_complete():
    found = {
        path.parent.name
        for path in BASE.glob("*/apps.py")
        if (path.parent / "__init__.py").exists()
    }
    assert found - set(PACKAGES) == set()
