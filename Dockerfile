# Production image for Buurtwijs. Build: docker build -t buurtwijs .
# Run: docker run -e SECRET_KEY=... -e ALLOWED_HOSTS=buurtwijs.nl -e DATABASE_URL=postgres://... -p 8000:8000 buurtwijs
# Apply migrations as a release step: docker run ... buurtwijs python manage.py migrate --no-input
# The root filesystem may be read-only; only /tmp must be writable (gunicorn's worker heartbeat).
# docs/deploy.md describes a whole deployment; bin/test-image builds and checks this image.

# Any Debian-like image with python3.13 on the PATH and useradd will do; bin/test-image passes a
# Debian trixie base it makes locally, since it cannot reach a registry.
ARG BASE_IMAGE=python:3.13-slim-bookworm

FROM ${BASE_IMAGE} AS build
# The system's trust store, also for uv and pip (which otherwise bring their own): a build behind
# a TLS-inspecting proxy then works once that proxy's CA is in the base.
ENV UV_PROJECT_ENVIRONMENT=/app/.venv UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1 \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt
# uv in a venv of its own: Debian's system Python refuses installs into itself (PEP 668).
RUN python3.13 -m venv /opt/uv && /opt/uv/bin/pip install --no-cache-dir --disable-pip-version-check uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN /opt/uv/bin/uv sync --frozen --no-dev --no-install-project --no-cache --python python3.13
COPY . .
# Static files are collected at build time; these values only satisfy the production settings check.
# The project's own modules are compiled too, since the running user cannot write into /app.
RUN BUURTWIJS_ENV=production SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=postgres://build@localhost/build \
    /app/.venv/bin/python manage.py collectstatic --no-input --verbosity 0 \
    && /app/.venv/bin/python -m compileall -q -x '/\.venv/' /app

FROM ${BASE_IMAGE}
# gunicorn listens on 0.0.0.0:$PORT, and the health check probes the same port.
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 BUURTWIJS_ENV=production PORT=8000
RUN groupadd --gid 10001 buurtwijs \
    && useradd --no-create-home --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin buurtwijs
WORKDIR /app
COPY --from=build --chown=root:root /app /app
USER 10001:10001
EXPOSE 8000
# The probe names a host from ALLOWED_HOSTS: Django refuses requests for any other host.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "-c", "\
import os, sys, urllib.request; \
host = os.environ['ALLOWED_HOSTS'].split(',')[0].strip().lstrip('.'); \
url = 'http://127.0.0.1:%s/gezond/' % os.environ.get('PORT', '8000'); \
request = urllib.request.Request(url, headers={'Host': host}); \
sys.exit(urllib.request.urlopen(request, timeout=4).status != 200)"]
CMD ["gunicorn", "--config", "buurtwijs/gunicorn.conf.py", "buurtwijs.wsgi"]
