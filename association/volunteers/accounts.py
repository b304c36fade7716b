"""Volunteer accounts: invitation, enrolment, roles and building scopes, disabling."""
import sqlite3
from contextlib import contextmanager
from datetime import timedelta


from .. import audit, clock, sessions
from ..crypto import decrypt, encrypt, keyed_hash, new_token
from ..db import first_row, row_or_none
from ..passwords import hash_password
from . import second_factor

ROLES = ("admin", "editor", "volunteer")
INVITATION_LIFETIME = timedelta(hours=72)
IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
SESSIONS = sessions.Kind(table="volunteer_sessions", hash_purpose="volunteer-session",
                         owner_column="volunteer_id", owner_table="volunteers",
                         cookie_key="sid", idle=IDLE_TIMEOUT, lifetime=ABSOLUTE_TIMEOUT)


class AccountError(Exception):
    """A refused account operation; ``code`` says why (for the message)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def get(db, volunteer_id: int) -> dict | None:
    """The account with this id, or None."""
    return row_or_none(db, "volunteers", volunteer_id)


def by_login(db, login: str) -> dict | None:
    """The account with this login (case does not matter), or None."""
    return first_row(db, "select * from volunteers where login = ?", [login.strip()])



def all_accounts(db) -> list[dict]:
    """Every account with its buildings' names, by login."""
    rows = list(db.query(
        "select v.*, group_concat(b.name, ', ') as building_names from volunteers v "
        "left join volunteer_buildings vb on vb.volunteer_id = v.id "
        "left join buildings b on b.id = vb.building_id group by v.id order by v.login"
    ))
    return rows


def building_ids(db, volunteer: dict) -> set[int]:
    """The buildings a volunteer may handle: all of them for an admin."""
    if volunteer["role"] == "admin":
        return {row["id"] for row in db.query("select id from buildings")}
    return {row["building_id"] for row in db.query(
        "select building_id from volunteer_buildings where volunteer_id = ?", [volunteer["id"]])}


def create(db, login: str, role: str, buildings: list[int], is_demo: bool = False,
           by=None) -> tuple[int, str]:
    """Create an account without password and return its id and an invitation token; an
    administrator's invitation (``by``) has its audit entry in the same transaction."""
    login = login.strip()
    if role not in ROLES:
        raise AccountError("bad_role")
    if by_login(db, login):
        raise AccountError("login_taken")
    with db.atomic():
        try:
            volunteer_id = db.table("volunteers").insert({
                "login": login, "role": role, "created_at": clock.stamp(),
                "is_demo": int(is_demo),
            }).last_pk
        except sqlite3.IntegrityError:  # the same login created meanwhile by someone else
            raise AccountError("login_taken") from None
        set_scope(db, volunteer_id, buildings)
        token = invite(db, volunteer_id, by.id if by is not None else None)
        if by is not None:
            audit.record(db, by, "invite", "volunteer", volunteer_id)
    return volunteer_id, token


def set_scope(db, volunteer_id: int, buildings: list[int]) -> None:
    """Replace the volunteer's buildings."""
    with db.atomic():
        db.execute("delete from volunteer_buildings where volunteer_id = ?", [volunteer_id])
        db.table("volunteer_buildings").insert_all(
            {"volunteer_id": volunteer_id, "building_id": b} for b in sorted(set(buildings)))


def set_role(db, volunteer_id: int, role: str) -> None:
    """Change the volunteer's role (refused with "last_admin" when it would leave no
    administrator able to sign in)."""
    if role not in ROLES:
        raise AccountError("bad_role")
    with keeping_an_admin(db, volunteer_id):
        db.table("volunteers").update(volunteer_id, {"role": role})


def set_role_and_scope(db, volunteer_id: int, role: str, buildings: list[int], *,
                       by) -> None:
    """Change the volunteer's role and buildings together (see ``set_role``), with the audit
    entry of the administrator ``by``."""
    with keeping_an_admin(db, volunteer_id):
        set_role(db, volunteer_id, role)
        set_scope(db, volunteer_id, buildings)
        audit.record(db, by, "update", "volunteer", volunteer_id)


@contextmanager
def keeping_an_admin(db, volunteer_id: int):
    """A write transaction on an account that is rolled back, with AccountError
    "last_admin", when it leaves no administrator able to sign in while the account was one.

    The count is read inside the transaction, which takes the write lock first (``BEGIN
    IMMEDIATE``): two administrators demoting each other at once are counted one after the
    other, and the second is refused. (Counted before the transaction, both saw two.)"""
    with db.atomic():
        before = get(db, volunteer_id)
        yield before
        if before and before["role"] == "admin" and can_sign_in(before) \
                and admin_count(db) == 0:
            raise AccountError("last_admin")


def invite(db, volunteer_id: int, created_by: int | None = None) -> str:
    """A new single-use invitation link token (earlier unused ones stop working)."""
    token = new_token()
    now = clock.now()
    with db.atomic():
        db.execute("delete from invitations where volunteer_id = ? and used_at is null",
                   [volunteer_id])
        db.table("invitations").insert({
            "token_hash": keyed_hash("invitation", token), "volunteer_id": volunteer_id,
            "created_by": created_by, "created_at": clock.stamp(now),
            "expires_at": clock.stamp(now + INVITATION_LIFETIME),
        })
    return token


def open_invitation(db, token: str) -> dict:
    """The invitation for this token; raises AccountError unknown / used / expired."""
    rows = list(db.query("select * from invitations where token_hash = ?",
                         [keyed_hash("invitation", token)]))
    if not rows:
        raise AccountError("invitation_unknown")
    invitation = rows[0]
    if invitation["used_at"]:
        raise AccountError("invitation_used")
    if clock.parse(invitation["expires_at"]) <= clock.now():
        raise AccountError("invitation_expired")
    return invitation


def invitation_owner(db, token: str) -> int | None:
    """The volunteer an invitation (open or spent) was made for, or None."""
    row = row_or_none(db, "invitations", keyed_hash("invitation", token))
    return row["volunteer_id"] if row else None


def enrolment_secret(db, invitation: dict) -> str:
    """The TOTP secret being enrolled with this invitation (made on first view, kept encrypted)."""
    if invitation["totp_secret"]:
        return decrypt(invitation["totp_secret"])
    # Two first views at once must show the same secret: only one of them may store its own.
    db.execute("update invitations set totp_secret = ? where token_hash = ? "
               "and totp_secret is null",
               [encrypt(second_factor.new_secret()), invitation["token_hash"]])
    stored = db.table("invitations").get(invitation["token_hash"])["totp_secret"]
    return decrypt(stored)


def accept_invitation(db, token: str, password: str, code: str) -> tuple[dict, list[str]]:
    """Set the password and second factor in one go; return the account and recovery codes.

    The invitation is spent by the same conditional update that checks it is unused, so two
    requests racing with one link cannot both succeed."""
    invitation = open_invitation(db, token)
    secret = enrolment_secret(db, invitation)
    step = second_factor.accepted_step(secret, code, 0, clock.now())
    if not isinstance(step, int):
        raise AccountError("code_wrong")
    codes = second_factor.new_recovery_codes()
    password_hash = hash_password(password)  # slow: before the write transaction
    with db.atomic():
        spent = db.execute(
            "update invitations set used_at = ?, totp_secret = null "
            "where token_hash = ? and used_at is null", [clock.stamp(), invitation["token_hash"]])
        if spent.rowcount != 1:
            raise AccountError("invitation_used")
        db.table("volunteers").update(invitation["volunteer_id"], {
            "password_hash": password_hash, "totp_secret": encrypt(secret),
            "totp_last_step": step,
        })
        replace_recovery_codes(db, invitation["volunteer_id"], codes)
        end_sessions(db, invitation["volunteer_id"])
        account = get(db, invitation["volunteer_id"])
        audit.record(db, account, "update", "volunteer", account["id"])
    return account, codes


def replace_recovery_codes(db, volunteer_id: int, codes: list[str]) -> None:
    """Store new recovery codes (hashed), dropping the old ones."""
    db.execute("delete from recovery_codes where volunteer_id = ?", [volunteer_id])
    db.table("recovery_codes").insert_all(
        {"volunteer_id": volunteer_id, "code_hash": second_factor.recovery_hash(c)}
        for c in codes)


def use_recovery_code(db, volunteer_id: int, code: str) -> bool:
    """Spend a recovery code; true if it was valid and unused."""
    result = db.execute(
        "update recovery_codes set used_at = ? where volunteer_id = ? and code_hash = ? "
        "and used_at is null",
        [clock.stamp(), volunteer_id, second_factor.recovery_hash(code)])
    return result.rowcount == 1


def unused_recovery_codes(db, volunteer_id: int) -> int:
    """How many recovery codes are left."""
    return db.table("recovery_codes").count_where(
        "volunteer_id = ? and used_at is null", [volunteer_id])


def change_password(db, volunteer, password: str, keep_session: str | None) -> None:
    """Set a new password and end every other session of the signed-in ``volunteer``, with
    their audit entry."""
    password_hash = hash_password(password)  # slow: before the write transaction
    with db.atomic():
        db.table("volunteers").update(volunteer.id, {"password_hash": password_hash})
        end_sessions(db, volunteer.id, keep=keep_session)
        audit.record(db, volunteer, "update", "volunteer", volunteer.id)


def change_second_factor(db, volunteer, secret: str, step: int) -> list[str]:
    """Enrol a new TOTP secret (already confirmed with a code) for the signed-in
    ``volunteer``, with their audit entry; return new recovery codes."""
    codes = second_factor.new_recovery_codes()
    with db.atomic():
        db.table("volunteers").update(volunteer.id, {"totp_secret": encrypt(secret),
                                                     "totp_last_step": step})
        replace_recovery_codes(db, volunteer.id, codes)
        audit.record(db, volunteer, "update", "volunteer", volunteer.id)
    return codes


def reset_second_factor(db, volunteer_id: int, *, by) -> str:
    """Admin: clear the password and second factor, end sessions, return a new invitation
    (refused with "last_admin" for the last administrator able to sign in); the
    administrator ``by`` has the audit entry."""
    with keeping_an_admin(db, volunteer_id):
        db.table("volunteers").update(volunteer_id, {"password_hash": None, "totp_secret": None,
                                                     "totp_last_step": 0})
        db.execute("delete from recovery_codes where volunteer_id = ?", [volunteer_id])
        end_sessions(db, volunteer_id)
        audit.record(db, by, "reset_second_factor", "volunteer", volunteer_id)
        return invite(db, volunteer_id, by.id)


def set_disabled(db, volunteer_id: int, disabled: bool, *, by) -> None:
    """Disable (ending every session at once) or enable an account, with the audit entry of
    the administrator ``by``; disabling the last administrator able to sign in is refused
    with "last_admin"."""
    with keeping_an_admin(db, volunteer_id):
        db.table("volunteers").update(volunteer_id, {"disabled": int(disabled)})
        if disabled:
            end_sessions(db, volunteer_id)
        audit.record(db, by, "disable" if disabled else "enable", "volunteer", volunteer_id)


def delete(db, volunteer_id: int, *, by) -> None:
    """Delete a disabled account with its scope, codes, sessions and invitations (the audit
    log keeps the login name it recorded), with the audit entry of the administrator ``by``.
    Whether it is disabled is read under the write's lock: refused with "still_enabled"."""
    with db.atomic():
        account = get(db, volunteer_id)
        if account is not None and not account["disabled"]:
            raise AccountError("still_enabled")
        db.execute("delete from volunteers where id = ?", [volunteer_id])
        audit.record(db, by, "delete", "volunteer", volunteer_id)


def sessions_of(db, volunteer_id: int) -> list[dict]:
    """The account's open sessions, most recently used first."""
    return sessions.of_owner(db, SESSIONS, volunteer_id)


def end_sessions(db, volunteer_id: int, keep: str | None = None, by=None) -> int:
    """End the volunteer's sessions (but ``keep``, a session id hash); return how many. Asked
    by a volunteer (``by``: the account's owner or an administrator), with their audit
    entry in the same transaction."""
    with db.atomic():
        ended = sessions.end_all(db, SESSIONS, volunteer_id, keep)
        if by is not None:
            audit.record(db, by, "end_sessions", "volunteer", volunteer_id)
    return ended


CAN_SIGN_IN = "disabled = 0 and password_hash is not null and totp_secret is not null"


def can_sign_in(account: dict) -> bool:
    """Whether the account is enabled and activated (password and second factor set)."""
    return bool(not account["disabled"] and account["password_hash"] and account["totp_secret"])


def admin_count(db) -> int:
    """How many admin accounts can sign in (enabled and activated)."""
    return db.table("volunteers").count_where(f"role = 'admin' and {CAN_SIGN_IN}")
