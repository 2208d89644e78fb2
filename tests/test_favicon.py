"""Browsers ask every site for /favicon.ico; Buurtwijs answers with its icon, not a 404."""

from django.test import Client


def test_the_favicon_is_an_icon():
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert body.count(b"\x89PNG") == 3  # 16, 32 and 48 pixels
