"""Configuration: safe defaults, then ``AMICALE_*`` environment variables.

The secret key is never in the repository: it comes from ``AMICALE_SECRET_KEY`` or is
generated once into ``instance/secret_key`` (mode 0600).
"""
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

MIN_SECRET_BYTES = 32

DEFAULTS = {
    "ENV": "development",
    "DATABASE": None,  # instance/amicale.db unless given
    "SCHEDULER": "off",  # embedded | off
    "JOB_PERIOD_SECONDS": None,  # tests only: every job gets this period instead of a day
    "JOB_CHECK_SECONDS": 300,
    "SCHEDULER_LOCK_RETRY_SECONDS": 15,  # how soon another worker takes over the scheduler
    "SMTP_URL": None,
    # Without SMTP_URL: "wait" keeps messages in the queue; "console" (``make run``) writes each
    # one to the log, without its address, and counts it sent. Refused in production.
    "MAIL": "wait",
    "MAIL_FROM": None,  # sender address of messages to members
    "BASE_URL": "http://127.0.0.1:5000",  # public address, for links printed by commands
    "BEHIND_PROXY": False,
    "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    "LANGUAGES": ("fr", "en"),
    "BABEL_DEFAULT_LOCALE": "fr",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Paris",
    "TIMEZONE": "Europe/Paris",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "amicale_session",
    "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
    "PUBLIC_CACHE_SECONDS": 60,
    # Host names the site answers to (others get a 400); in production, the host of BASE_URL
    # unless given. Set it behind a proxy that forwards the Host header as sent.
    "TRUSTED_HOSTS": None,
    # Reports accepted from one network address within 15 minutes (a tenants' meeting on one
    # connection may send many; a flood may not).
    "REPORTS_PER_ADDRESS": 30,
    # Searches of the reports' text by one volunteer within 15 minutes and within a day: ample
    # for triage, too few to rebuild a report by walking word prefixes (issue 19).
    "DESK_SEARCHES_PER_QUARTER_HOUR": 150,
    "DESK_SEARCHES_PER_DAY": 600,
    # Throttles count an IPv6 client by its network of this prefix length (a subscriber is
    # usually given a /64: counted by address, it would have 2^64 tries); IPv4 by address.
    "THROTTLE_IPV6_PREFIX": 64,
    "BACKUP_DIR": None,  # instance/backups unless given
    "BACKUP_PASSPHRASE": None,  # backups encrypted with it when given
    # Maintenance: pages are served, every write is refused with a clear page (503).
    "READ_ONLY": False,
    # A cap on the database's size in pages (a quota; tests of a full disk use it).
    "DATABASE_MAX_PAGES": None,
}

# Environment variables read as booleans or integers rather than strings.
BOOLEANS = {"BEHIND_PROXY", "DEBUG", "READ_ONLY"}
LISTS = {"TRUSTED_HOSTS"}
INTEGERS = {"REPORTS_PER_ADDRESS", "DESK_SEARCHES_PER_QUARTER_HOUR", "DESK_SEARCHES_PER_DAY",
            "DATABASE_MAX_PAGES", "JOB_PERIOD_SECONDS", "JOB_CHECK_SECONDS",
            "MAX_CONTENT_LENGTH", "PUBLIC_CACHE_SECONDS", "THROTTLE_IPV6_PREFIX",
            "SCHEDULER_LOCK_RETRY_SECONDS"}


# Settings read only from the environment (or a test's mapping), not kept in DEFAULTS.
ENVIRONMENT_ONLY = {"INSTANCE_PATH", "SECRET_KEY", "DEBUG"}


def names() -> set[str]:
    """Every ``AMICALE_*`` variable Amicale reads (deployment files may name only these)."""
    return {f"AMICALE_{key}" for key in (*DEFAULTS, *ENVIRONMENT_ONLY)}


class ConfigError(RuntimeError):
    """A configuration that Amicale refuses to start with."""


def from_environment(environ=os.environ) -> dict:
    """Read every ``AMICALE_*`` variable into a config mapping (prefix removed)."""
    config = {}
    for name, raw in environ.items():
        if not name.startswith("AMICALE_"):
            continue
        key = name.removeprefix("AMICALE_")
        if key in BOOLEANS:
            value = raw.strip().lower() in {"1", "true", "yes", "on"}
        elif key in LISTS:
            value = [item.strip() for item in raw.split(",") if item.strip()]
        elif key in INTEGERS:
            try:
                value = int(raw)
            except ValueError:
                raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
        else:
            value = raw
        config[key] = value
    return config


def load_secret_key(instance_path: str, given: str | None) -> str:
    """Return the secret key: the given one if long enough, else the instance file's."""
    if given is not None:
        if len(given.encode()) < MIN_SECRET_BYTES:
            raise ConfigError(
                f"AMICALE_SECRET_KEY is too short: it needs at least {MIN_SECRET_BYTES} bytes "
                f"(got {len(given.encode())}). Leave it unset to have one generated in instance/."
            )
        return given
    return read_or_create_secret(Path(instance_path) / "secret_key")


def read_or_create_secret(path: Path, nbytes: int = 48) -> str:
    """Read a secret file, creating it with mode 0600 on first use."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()


def trusted_hosts(config) -> list[str] | None:
    """The host names to answer to: the given list, else in production the public address's
    host, else any (development and tests)."""
    if config.get("TRUSTED_HOSTS"):
        return list(config["TRUSTED_HOSTS"])
    if config.get("ENV") == "production":
        return [urlsplit(config["BASE_URL"]).hostname]
    return None


def secure_instance(instance_path: str, database: str) -> None:
    """Only the server's user may read the instance folder: new files are created 0600 (the
    process's umask), the folder is 0700, and an existing database and its journals 0600."""
    os.umask(0o077)
    os.makedirs(instance_path, mode=0o700, exist_ok=True)
    os.chmod(instance_path, 0o700)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.chmod(database + suffix, 0o600)


def check(config) -> None:
    """Refuse combinations that are unsafe or meaningless."""
    if not 1 <= int(config.get("THROTTLE_IPV6_PREFIX") or 0) <= 128:
        raise ConfigError("AMICALE_THROTTLE_IPV6_PREFIX must be a prefix length from 1 to 128, "
                          f"got {config.get('THROTTLE_IPV6_PREFIX')!r}")
    if config.get("ENV") == "production" and config.get("DEBUG"):
        raise ConfigError("Debug mode is refused when AMICALE_ENV=production.")
    if config.get("MAIL") not in {"wait", "console"}:
        raise ConfigError(f"AMICALE_MAIL must be 'wait' or 'console', got {config.get('MAIL')!r}")
    if config.get("ENV") == "production" and config.get("MAIL") == "console":
        raise ConfigError("AMICALE_MAIL=console is refused when AMICALE_ENV=production: messages "
                          "would be counted sent and reach nobody. Give AMICALE_SMTP_URL.")
    if config.get("SCHEDULER") not in {"embedded", "off"}:
        raise ConfigError(
            f"AMICALE_SCHEDULER must be 'embedded' or 'off', got {config.get('SCHEDULER')!r}"
        )
