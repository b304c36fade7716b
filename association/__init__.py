"""Amicale: a web application a tenant association runs for itself."""
import logging
import os
from pathlib import Path

from flask import Flask

from . import config as settings_config

ROOT = Path(__file__).resolve().parent.parent


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
    app.config.from_mapping(settings_config.DEFAULTS)
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

    from . import auth, db, demo, errors, forms, i18n, scheduler, security, settings
    from .volunteers import commands as volunteer_commands

    security.init_app(app)  # first: its after_request hook must run last
    db.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    settings.init_app(app)
    demo.init_app(app)
    scheduler.init_app(app)
    auth.init_app(app)
    forms.init_app(app)
    volunteer_commands.init_app(app)

    from .public import bp as public_bp
    from .volunteers import admin as _admin_routes  # noqa: F401  (adds its routes to the bp)
    from .member_space.views import bp as member_space_bp
    from .volunteers.views import bp as volunteers_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(volunteers_bp)
    app.register_blueprint(member_space_bp)
    if app.config["BENCH_ROUTES"]:
        from .public.views import register_bench_routes

        register_bench_routes(app)
    return app


def _configure_logging(app) -> None:
    """Send Amicale's own log lines (never personal data) to standard error."""
    logger = logging.getLogger("amicale")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
