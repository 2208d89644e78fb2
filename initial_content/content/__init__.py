"""The portal's initial content, as readable data.

`manage.py load_content` turns these modules into published rows, creating only what is missing.
Long texts are Dutch Markdown. Every item names the sources that back it by slug (see
`sources.py`).
"""

from . import amsterdam, den_haag, rotterdam, utrecht

CITY_MODULES = [utrecht, den_haag, amsterdam, rotterdam]
