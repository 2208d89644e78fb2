"""The release: a digest of what a process serves. A deploy with other code, templates or static
files therefore starts with a fresh page cache; BUURTWIJS_RELEASE can force one."""

import hashlib
from collections.abc import Iterator
from functools import cache as memoize
from pathlib import Path

from django.conf import settings


@memoize
def release() -> str:
    """A digest of the code, templates and static manifest this process serves (read once)."""
    digest = hashlib.sha256(settings.PAGE_CACHE_RELEASE.encode())
    base = Path(settings.BASE_DIR)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    for path in sorted(_release_files(base)) + [manifest]:
        if path.is_file():
            digest.update(
                str(path.relative_to(base) if path.is_relative_to(base) else path).encode()
            )
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _release_files(base: Path) -> Iterator[Path]:
    for folder in base.iterdir():
        is_code = folder.name == "templates" or (folder / "__init__.py").exists()
        if is_code and folder.name != "tests":
            yield from folder.rglob("*.py")
            yield from folder.rglob("*.html")
