"""Volunteers signing in: flask-login, server-side sessions that really end, role checks.

A session lives in ``volunteer_sessions``; the cookie holds only its random id. It ends
after 30 minutes idle or 12 hours in all, at logout, and when the password changes, the
account is disabled or an administrator ends it: the next request is then anonymous.
"""
from datetime import timedelta
from functools import wraps

from flask import abort, current_app, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from itsdangerous import BadSignature, URLSafeTimedSerializer

from .. import audit, clock, cookies, passwords, sessions, throttle
from ..crypto import decrypt, keyed_hash, new_token
from ..db import get_db
from ..passwords import verify_password
from . import accounts, second_factor

login_manager = LoginManager()
login_manager.login_view = "volunteers.login"
login_manager.login_message = _l("Please sign in to see this page.")
login_manager.login_message_category = "info"
login_manager.session_protection = None  # our own server-side sessions do this job


class Volunteer(UserMixin):
    """The signed-in volunteer, as flask-login sees them."""

    def __init__(self, row: dict, session_hash: str):
        self.id = row["id"]
        self.login = row["login"]
        self.role = row["role"]
        self.row = row
        self.session_hash = session_hash

    @property
    def is_admin(self) -> bool:
        """Whether the volunteer is an administrator."""
        return self.role == "admin"

    def has_role(self, *roles: str) -> bool:
        """Whether the volunteer has one of ``roles`` (admins have every role)."""
        return self.role in roles or self.role == "admin"

    def scope(self, db) -> set[int]:
        """The buildings the volunteer may handle (every one for an admin): what the
        need-to-know checks compare a record's building with."""
        if not hasattr(self, "_scope"):
            self._scope = accounts.building_ids(db, self.row)
        return self._scope


class SignInError(Exception):
    """A refused sign-in; ``code`` says why, ``retry_at`` when throttled."""

    def __init__(self, code: str, retry_at=None):
        super().__init__(code)
        self.code = code
        self.retry_at = retry_at


def start_session(db, volunteer: dict) -> None:
    """A fresh session for the volunteer, with their ``login`` audit entry: the old cookie
    content is dropped first."""
    session.clear()
    with db.atomic():
        id_hash = sessions.start(db, accounts.SESSIONS, volunteer["id"])
        audit.record(db, volunteer, "login", "volunteer", volunteer["id"])
    login_user(Volunteer(volunteer, id_hash))


def end_session(db) -> None:
    """Log out here: delete this session's row, with the ``logout`` audit entry of the
    signed-in volunteer, and clear the cookie."""
    with db.atomic():
        if current_user.is_authenticated:
            audit.record(db, current_user, "logout", "volunteer", current_user.id)
        sessions.end(db, accounts.SESSIONS)
    logout_user()
    session.clear()


@login_manager.user_loader
def load_volunteer(user_id: str):
    """The volunteer of this request, if their server-side session is still open (30
    minutes idle, 12 hours in all: ``accounts.SESSIONS``) and the account not disabled."""
    found = sessions.current(get_db(), accounts.SESSIONS)
    if not found:
        return None
    row, id_hash = sessions.split(found)
    if str(row["id"]) != str(user_id) or row["disabled"]:
        sessions.forget(accounts.SESSIONS)
        return None
    return Volunteer(row, id_hash)


# --- a browser that signed in before -------------------------------------------------------
# Anyone can use up an account's failed attempts and lock its owner out. A browser where the
# owner signed in before carries a signed "known device" cookie: from it, a sign-in is counted
# against that browser's own limit instead of the account's and the address's. The cookie
# opens nothing by itself (password and code are still needed) and stops working when the
# password changes.
DEVICE_LIFETIME = timedelta(days=180)
KNOWN_DEVICE = cookies.declare("amicale_device", _l(
    "for volunteers: tells the sign-in page that this browser signed in before, so that "
    "attempts from elsewhere cannot lock it out; it opens nothing by itself"), DEVICE_LIFETIME)
DEVICE_COOKIE = KNOWN_DEVICE.name


def _device_serializer():
    return URLSafeTimedSerializer(current_app.secret_key, salt="known-device")


def _password_fingerprint(account: dict) -> str:
    return keyed_hash("known-device", account["password_hash"] or "")[:16]


def known_device_cookie(account: dict) -> str:
    """The cookie value naming this browser as one where the account signed in."""
    return _device_serializer().dumps(
        {"v": account["id"], "d": new_token(16), "p": _password_fingerprint(account)})


def known_device(account: dict | None, cookie: str | None) -> str | None:
    """The browser's device id if its cookie was given to this account (and the password has
    not changed since), else None."""
    if not account or not cookie:
        return None
    try:
        data = _device_serializer().loads(cookie, max_age=DEVICE_LIFETIME.total_seconds())
    except BadSignature:
        return None
    if (not isinstance(data, dict) or data.get("v") != account["id"]
            or data.get("p") != _password_fingerprint(account)):
        return None
    return str(data.get("d"))


def set_known_device(response, account: dict) -> None:
    """Remember this browser for the account's next sign-ins (only the sign-in page sees it)."""
    KNOWN_DEVICE.set(
        response, known_device_cookie(account), httponly=True, samesite="Lax",
        secure=request.is_secure or bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        path=url_for("volunteers.login"))


# --- checking who someone is -----------------------------------------------------------------

def throttle_subjects(login: str, address: str, device: str | None) -> tuple:
    """What an attempt is counted against: the known browser, or the account and the address."""
    if device:
        return ((throttle.LOGIN_DEVICE, device),)
    return ((throttle.LOGIN_ACCOUNT, login), (throttle.LOGIN_ADDRESS, address))


def check_second_factor(db, account: dict, code: str) -> str | None:
    """Spend a one-time code or a recovery code of the account: None when accepted, else
    "wrong" or "code_reused". Only one request can move the step forward: a replay racing
    this one loses."""
    if not account["totp_secret"]:
        return "wrong"
    if second_factor.looks_like_recovery_code(code):
        return None if accounts.use_recovery_code(db, account["id"], code) else "wrong"
    step = second_factor.accepted_step(decrypt(account["totp_secret"]), code,
                                       account["totp_last_step"], clock.now())
    if not isinstance(step, int):
        return "code_reused" if step == "reused" else "wrong"
    moved = db.execute(
        "update volunteers set totp_last_step = ? where id = ? and totp_last_step < ?",
        [step, account["id"], step])
    return None if moved.rowcount == 1 else "code_reused"


def verify(db, account: dict | None, login: str, password: str, code: str, address: str,
           device: str | None = None) -> str | None:
    """Check password and code under the throttles: None when both are right, else why not
    ("password", "wrong" for the code, "code_reused"). The attempt is counted before anything
    is checked; raises SignInError("throttled") when the limit is used up."""
    subjects = throttle_subjects(login, address, device)
    try:
        attempt = throttle.count_attempt(db, subjects)
    except throttle.Throttled as error:
        raise SignInError("throttled", error.retry_at) from None
    if not verify_password(account["password_hash"] if account else None, password):
        problem = "password"
    else:
        problem = check_second_factor(db, account, code)
    if problem is None:
        throttle.succeeded(db, attempt)
        throttle.forget(db, throttle.LOGIN_ACCOUNT, login)
    else:
        _log_failure(db, account, login, address, device)
    return problem


def _log_failure(db, account: dict | None, login: str, address: str, device: str | None):
    """Write a refused attempt in the audit log, and the pause when this attempt used up the
    account's (or the address's) last one. The entry names the account when the login
    exists; never what was typed, nor the address (a visitor's data stays out of the log)."""
    audit.record(db, account, "login_failed", "volunteer", account["id"] if account else None)
    if device:  # a known browser's own counter: its owner locking themself out is no event
        return
    if account and throttle.blocked_until(db, throttle.LOGIN_ACCOUNT, login):
        audit.record(db, account, "locked_out", "volunteer", account["id"])
    elif throttle.blocked_until(db, throttle.LOGIN_ADDRESS, address):
        audit.record(db, None, "locked_out", "volunteer")


def sign_in(db, login: str, password: str, code: str, address: str,
            device_cookie: str | None = None) -> dict:
    """Check login, password and code under the throttles; return the account or raise.

    Nothing about the account (disabled, say) is told before both factors are right."""
    account = accounts.by_login(db, login)
    device = known_device(account, device_cookie)
    problem = verify(db, account, login, password, code, address, device)
    if problem:
        raise SignInError("wrong" if problem == "password" else problem)
    if account["disabled"]:
        audit.record(db, account, "login_failed", "volunteer", account["id"])
        raise SignInError("disabled")
    if passwords.needs_rehash(account["password_hash"]):
        db.table("volunteers").update(account["id"],
                                      {"password_hash": passwords.hash_password(password)})
    db.table("volunteers").update(account["id"], {"last_login_at": clock.stamp()})
    return accounts.get(db, account["id"])


def role_required(*roles: str):
    """Only signed-in volunteers with one of ``roles`` (admins always) reach the view."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


# Any signed-in account: the volunteer area's dashboard and account page.
signed_in_required = role_required("volunteer", "editor")


def require_building(db, building_id: int) -> None:
    """404 unless the building is in the signed-in volunteer's scope (existence not revealed)."""
    if building_id not in current_user.scope(db):
        abort(404)


def init_app(app) -> None:
    """Install flask-login and the role names for templates."""
    from .labels import ROLE_LABELS

    login_manager.init_app(app)
    app.jinja_env.globals["role_label"] = lambda role: ROLE_LABELS.get(role, role)
    app.jinja_env.globals["area_nav"] = area_nav
    app.jinja_env.globals["invitation_lifetime"] = accounts.INVITATION_LIFETIME


def area_nav() -> list:
    """The volunteer area's entries the signed-in volunteer may open, in order."""
    from ..capability import SITE_AUDIENCES, collect

    return [entry for entry in collect("pages.nav") if not SITE_AUDIENCES & set(entry.audience) and
            ("signed_in" in entry.audience or current_user.has_role(*entry.audience))]
