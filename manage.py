#!/usr/bin/env python
"""Django's command-line utility for Buurtwijs."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwijs.settings")
    if not os.environ.get("DATABASE_URL"):
        from buurtwijs import embedded_db

        embedded_db.ensure_running()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
