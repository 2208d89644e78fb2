"""gunicorn settings for bin/start and the production image.

Chosen by measurement (README, "Snelheid"): on 2 cores, one process per core with 4 threads
each served cached pages as fast as 5 single-threaded processes or faster, with under half the
memory, and the threads keep a core busy while a page that is not cached waits for PostgreSQL.
WEB_CONCURRENCY and GUNICORN_THREADS override both.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread" if threads > 1 else "sync"
timeout = 30
graceful_timeout = 10
# Behind a proxy that reuses connections, a little longer than gunicorn's 2 s.
keepalive = 5
# Django logs every request as a JSON line (buurtwijs.middleware); no second, plain access log.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
