# One image for every production role: api, worker, scheduler, migrate.
FROM python:3.11-slim AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY scripts/lockfile.py ./scripts/
COPY meterwise ./meterwise
# Runtime dependencies only, every file hash-checked against requirements.lock (README).
RUN python scripts/lockfile.py install && useradd --system --uid 10001 --home /app meterwise
USER meterwise
EXPOSE 8000
CMD ["meterwise", "serve", "--host", "0.0.0.0", "--port", "8000"]
