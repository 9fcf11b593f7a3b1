"""WSGI entry point: ``gunicorn app:app``; ``python app.py`` runs the dev server (with the
debugger only when ``FLASK_DEBUG=1``, as ``flask run``: it runs any code a visitor sends).

Like the ``flask`` and ``mutuals`` commands, it reads ``.env`` (and ``.flaskenv``) from the
working directory upwards first, without overriding variables already set; set
``FLASK_SKIP_DOTENV=1`` to skip them (the test suite does).
"""

from flask.cli import load_dotenv
from flask.helpers import get_load_dotenv

if get_load_dotenv():
    load_dotenv()

from backend import create_app  # noqa: E402 - settings are read after .env

app = create_app()

if __name__ == "__main__":
    import logging.config

    from backend.request_log import LOGGING

    logging.config.dictConfig(LOGGING)
    settings = app.extensions["mutuals"].settings
    app.run(host=settings.host, port=settings.port)
