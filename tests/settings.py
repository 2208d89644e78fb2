"""The portal's settings, with the synthetic scale data app the query-count tests use."""

import os

os.environ.setdefault("BUURTWIJS_SCALE_DATA", "1")

from buurtwijs.settings import *  # noqa: E402, F403
