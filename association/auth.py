"""Volunteers signing in: flask-login, server-side sessions that really end, role checks.

A session lives in ``volunteer_sessions``; the cookie holds only its random id. It ends
after 30 minutes idle or 12 hours in all, at logout, and when the password changes, the
account is disabled or an administrator ends it: the next request is then anonymous.
"""
from datetime import timedelta
from functools import wraps

from flask import abort, request, session
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from . import clock, throttle
from .crypto import decrypt, keyed_hash, new_token
from .db import get_db
from .passwords import verify_password
from .volunteers import accounts, second_factor

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
TOUCH_EVERY = timedelta(seconds=60)  # write last_seen_at at most once a minute

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


class SignInError(Exception):
    """A refused sign-in; ``code`` says why, ``retry_at`` when throttled."""

    def __init__(self, code: str, retry_at=None):
        super().__init__(code)
        self.code = code
        self.retry_at = retry_at


def _session_hash(session_id: str) -> str:
    return keyed_hash("volunteer-session", session_id)


def start_session(db, volunteer: dict) -> None:
    """A fresh session for the volunteer: the old cookie content is dropped first."""
    session.clear()
    session_id = new_token()
    now = clock.stamp()
    db.table("volunteer_sessions").insert({
        "id_hash": _session_hash(session_id), "volunteer_id": volunteer["id"],
        "created_at": now, "last_seen_at": now,
    })
    session["sid"] = session_id
    login_user(Volunteer(volunteer, _session_hash(session_id)))


def end_session(db) -> None:
    """Log out here: delete this session's row and clear the cookie."""
    if session.get("sid"):
        db.execute("delete from volunteer_sessions where id_hash = ?",
                   [_session_hash(session["sid"])])
    logout_user()
    session.clear()


def session_state(row: dict, now) -> str:
    """"open", "idle" (30 minutes without activity) or "expired" (12 hours after sign-in)."""
    if now - clock.parse(row["created_at"]) >= ABSOLUTE_TIMEOUT:
        return "expired"
    if now - clock.parse(row["last_seen_at"]) >= IDLE_TIMEOUT:
        return "idle"
    return "open"


@login_manager.user_loader
def load_volunteer(user_id: str):
    """The volunteer of this request, if their server-side session is still open."""
    session_id = session.get("sid")
    if not session_id:
        return None
    db = get_db()
    id_hash = _session_hash(session_id)
    rows = list(db.query(
        "select s.created_at, s.last_seen_at, v.* from volunteer_sessions s "
        "join volunteers v on v.id = s.volunteer_id where s.id_hash = ?", [id_hash]))
    if not rows or str(rows[0]["id"]) != str(user_id) or rows[0]["disabled"]:
        session.pop("sid", None)
        return None
    row, now = rows[0], clock.now()
    if session_state(row, now) != "open":
        db.execute("delete from volunteer_sessions where id_hash = ?", [id_hash])
        session.pop("sid", None)
        return None
    if now - clock.parse(row["last_seen_at"]) >= TOUCH_EVERY:
        db.table("volunteer_sessions").update(id_hash, {"last_seen_at": clock.stamp(now)})
    return Volunteer(row, id_hash)


def client_address() -> str:
    """The client's network address (behind a proxy, ProxyFix has set it)."""
    return request.remote_addr or "unknown"


def sign_in(db, login: str, password: str, code: str, address: str) -> dict:
    """Check login, password and code under the throttles; return the account or raise."""
    limits = ((throttle.LOGIN_ACCOUNT, login), (throttle.LOGIN_ADDRESS, address))
    for limit, value in limits:
        retry_at = throttle.blocked_until(db, limit, value)
        if retry_at:
            raise SignInError("throttled", retry_at)

    def fail(reason: str):
        for limit, value in limits:
            throttle.record_failure(db, limit, value)
        raise SignInError(reason)

    account = accounts.by_login(db, login)
    if not verify_password(account["password_hash"] if account else None, password):
        fail("wrong")
    if account["disabled"]:
        raise SignInError("disabled")
    if not account["totp_secret"]:
        raise SignInError("not_enrolled")
    if second_factor.looks_like_recovery_code(code):
        if not accounts.use_recovery_code(db, account["id"], code):
            fail("wrong")
    else:
        step = second_factor.accepted_step(decrypt(account["totp_secret"]), code,
                                           account["totp_last_step"], clock.now())
        if step == "reused":
            fail("code_reused")
        if step == "wrong":
            fail("wrong")
        # Only one request can move the step forward: a replay racing this one loses.
        moved = db.execute(
            "update volunteers set totp_last_step = ? where id = ? and totp_last_step < ?",
            [step, account["id"], step])
        if moved.rowcount != 1:
            fail("code_reused")
    db.table("volunteers").update(account["id"], {"last_login_at": clock.stamp()})
    throttle.forget(db, throttle.LOGIN_ACCOUNT, login)
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
    if building_id not in accounts.building_ids(db, current_user.row):
        abort(404)


def init_app(app) -> None:
    """Install flask-login and the role names for templates."""
    from .volunteers.messages import AUDIT_ACTIONS, ROLE_LABELS

    login_manager.init_app(app)
    app.jinja_env.globals["role_label"] = lambda role: ROLE_LABELS.get(role, role)
    app.jinja_env.globals["audit_label"] = lambda action: AUDIT_ACTIONS.get(action, action)
