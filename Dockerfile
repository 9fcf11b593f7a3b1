# The API image: gunicorn serving app:app. docker-compose.yml runs it beside neo4j:5.26.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    MUTUALS_HOST=0.0.0.0 MUTUALS_PORT=8000
WORKDIR /app

COPY pyproject.toml README.md ./
COPY backend ./backend
COPY cypher ./cypher
COPY app.py gunicorn.conf.py ./
# Editable, so backend/ finds cypher/ beside it (the query files are read at run time).
RUN pip install --no-cache-dir -e . \
 && useradd --system --home /app mutuals
USER mutuals

EXPOSE 8000
# Migrate (a no-op when up to date), then serve.
CMD ["sh", "-c", "mutuals migrate && exec gunicorn -c gunicorn.conf.py app:app"]
