"""Entry point: ``flask --app app …`` and ``gunicorn app:app``."""
from association import create_app

app = create_app()
