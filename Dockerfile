# The API image: gunicorn serving app:app. docker-compose.yml runs it beside neo4j:5.26.
# Dependencies come from the lock file (requirements.txt, exact versions and hashes); the
# package itself is a normal (not editable) install of a wheel that carries the Cypher files
# (backend/_cypher, see setup.py), so /app holds only the entry points.

FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY backend ./backend
COPY cypher ./cypher
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    MUTUALS_HOST=0.0.0.0 MUTUALS_PORT=8000
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir --require-hashes -r /tmp/requirements.txt
COPY --from=wheel /wheels /tmp/wheels
RUN pip install --no-cache-dir --no-deps /tmp/wheels/*.whl \
 && rm -rf /tmp/wheels /tmp/requirements.txt \
 && useradd --system --home /app mutuals
WORKDIR /app
COPY app.py gunicorn.conf.py ./
USER mutuals

EXPOSE 8000
# Migrate (a no-op when up to date), then serve.
CMD ["sh", "-c", "mutuals migrate && exec gunicorn -c gunicorn.conf.py app:app"]
