"""WSGI entry point: ``gunicorn app:app``; ``python app.py`` runs the dev server."""

from backend import create_app

app = create_app()

if __name__ == "__main__":
    settings = app.extensions["mutuals"].settings
    app.run(host=settings.host, port=settings.port, debug=True)
