"""robots.txt and /.well-known/security.txt."""

from datetime import UTC, datetime, timedelta

import pytest

pytestmark = pytest.mark.django_db


def fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.splitlines() if line)


def test_robots_txt_allows_the_public_pages_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /beheer/" in lines


def test_security_txt_names_a_contact_languages_and_its_own_address(client):
    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    values = fields(response.content.decode())
    assert values["Contact"].startswith("mailto:")
    assert values["Preferred-Languages"] == "nl, en"
    assert values["Canonical"] == "http://testserver/.well-known/security.txt"


def test_security_txt_expires_about_a_year_ahead(client):
    values = fields(client.get("/.well-known/security.txt").content.decode())

    expires = datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    ahead = expires - datetime.now(UTC)
    assert timedelta(days=360) < ahead <= timedelta(days=366)
