"""Amicale: a web application a tenant association runs for itself.

The core's modules and their layers are listed in LAYOUT.md, beside this file.
"""
import importlib
import logging
import os
from pathlib import Path

from flask import Flask

from . import config as settings_config
from .urls import IdConverter

ROOT = Path(__file__).resolve().parent.parent

# The capability packages, in order: their tables, jobs, audit actions, demo content,
# navigation entries and member-space sections are collected from them (see capability.py).
# A test may give others in the ``CAPABILITIES`` setting.
# The foundation (volunteers, members) loads before the domain capabilities, which import its
# faces; public comes first only because its entries open the site's menu (Home) and footer,
# and it declares no table nor migration, so the foundation's schema still comes first.
CAPABILITIES = ("public", "volunteers", "members", "communiques", "grievances", "requests",
                "actions")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application: configuration, extensions, blueprints, commands."""
    overrides = {**settings_config.from_environment(), **(test_config or {})}
    instance_path = overrides.pop("INSTANCE_PATH", None) or str(ROOT / "instance")
    app = Flask(
        __name__,
        instance_path=os.path.abspath(instance_path),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    # Before any route is added: every <int:...> of every blueprint is an id SQLite can hold.
    app.url_map.converters["int"] = IdConverter
    app.config.from_mapping(settings_config.DEFAULTS)
    app.config["CAPABILITIES"] = CAPABILITIES
    app.config.from_mapping(overrides)
    if not app.config["DATABASE"]:
        app.config["DATABASE"] = os.path.join(app.instance_path, "amicale.db")
    settings_config.secure_instance(app.instance_path, app.config["DATABASE"])
    app.config["TRUSTED_HOSTS"] = settings_config.trusted_hosts(app.config)
    app.config["SECRET_KEY"] = settings_config.load_secret_key(
        app.instance_path, overrides.get("SECRET_KEY")
    )
    settings_config.check(app.config)
    _configure_logging(app)

    from . import audit, backup, capability, counts, db, demo, errors, forms, i18n, \
        inventory, reference, scheduler, security, urls

    security.init_app(app)  # first hook: its after_request hook must run last
    db.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    reference.init_app(app)
    demo.init_app(app)
    backup.init_app(app)
    scheduler.init_app(app)
    forms.init_app(app)
    audit.init_app(app)
    inventory.init_app(app)
    counts.init_app(app)
    urls.init_app(app)
    capability.install(app, _capabilities(app.config["CAPABILITIES"]))
    return app


def _capabilities(declared) -> list:
    """Each capability's declaration: a package's ``CAPABILITY``, or one given as is."""
    found = []
    for item in declared:
        if isinstance(item, str):
            item = importlib.import_module(f"{__name__}.{item}").CAPABILITY
        found.append(item)
    return found


def _configure_logging(app) -> None:
    """Send Amicale's own log lines (never personal data) to standard error."""
    logger = logging.getLogger("amicale")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
