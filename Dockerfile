# Production image for Buurtwijs. Build: docker build -t buurtwijs .
# Run: docker run -e SECRET_KEY=... -e ALLOWED_HOSTS=buurtwijs.nl -e DATABASE_URL=postgres://... -p 8000:8000 buurtwijs
# Apply migrations as a release step: docker run ... buurtwijs python manage.py migrate --no-input

FROM python:3.13-slim-bookworm AS build
ENV UV_PROJECT_ENVIRONMENT=/app/.venv UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project --python /usr/local/bin/python3.13
COPY . .
# Static files are collected at build time; these values only satisfy the production settings check.
RUN BUURTWIJS_ENV=production SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=postgres://build@localhost/build \
    /app/.venv/bin/python manage.py collectstatic --no-input --verbosity 0

FROM python:3.13-slim-bookworm
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 BUURTWIJS_ENV=production
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin buurtwijs
WORKDIR /app
COPY --from=build --chown=root:root /app /app
USER buurtwijs
EXPOSE 8000
# The probe names a host from ALLOWED_HOSTS: Django refuses requests for any other host.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "-c", "\
import os, sys, urllib.request; \
host = os.environ['ALLOWED_HOSTS'].split(',')[0].strip().lstrip('.'); \
request = urllib.request.Request('http://127.0.0.1:8000/gezond/', headers={'Host': host}); \
sys.exit(urllib.request.urlopen(request, timeout=4).status != 200)"]
CMD ["gunicorn", "--config", "buurtwijs/gunicorn.conf.py", "--bind", "0.0.0.0:8000", "buurtwijs.wsgi"]
