"""A key confirmed in person, without the volunteer ever seeing it (issue 19).

A free key is not a member. To be counted as one, a tenant opens their space and asks for a
confirmation code: eight Crockford characters in two groups (``K7QM-2XWD``, 40 bits), valid
for ``LIFETIME``, used once, shown on screen, as a QR code and on paper. A volunteer who
meets the tenant (a meeting, the office hours, a door-knock) types or scans it in the
volunteer area; the key is then confirmed (``keys.confirm``: only when, and by whom, with its
audit entry, which the member sees in their space).

The code says nothing of the key: it is random, and only its keyed hash is stored, with the
member it confirms and its expiry. A member holds one code at a time (asking again replaces
it); a used, expired or replaced code is refused. Guessing is bounded twice: codes live a
quarter of an hour among at most a few hundred, and wrong codes are throttled per volunteer.
"""
import secrets
from datetime import timedelta

from .. import clock, throttle
from ..crypto import keyed_hash
from ..db import first_row
from . import keys

LENGTH = 8  # characters of 5 bits: 40 bits, beyond reach of a throttled guesser
LIFETIME = timedelta(minutes=15)
MINUTES = int(LIFETIME.total_seconds() // 60)
TABLE = "key_confirmation_codes"
# Wrong codes per volunteer per 15 minutes: a mistyped code or two, never a search.
WRONG_CODES = throttle.Limit("key-confirmation-volunteer", 10)


class WrongCode(Exception):
    """No valid code matches (never made, mistyped, used, replaced or expired)."""


def format_code(raw: str) -> str:
    """Two groups of four separated by a dash, for reading aloud."""
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(typed: str) -> str | None:
    """The code's 8 characters from what was typed (any case, spaces, dashes, O/0, I/1), or
    None when it cannot be a code."""
    cleaned = keys.normalise_key_characters(typed)
    if len(cleaned) != LENGTH or any(ch not in keys.ALPHABET for ch in cleaned):
        return None
    return cleaned


def _hash(code: str) -> str:
    return keyed_hash("key-confirmation", code)


def issue(db, member_id: int) -> dict:
    """A new code for the member (replacing any they had): ``code`` to show (never stored)
    and ``expires_at``."""
    raw = "".join(secrets.choice(keys.ALPHABET) for _ in range(LENGTH))
    now = clock.now()
    expires_at = clock.stamp(now + LIFETIME)
    with db.atomic():
        db.execute(f"delete from {TABLE} where member_id = ? or expires_at <= ?",
                   [member_id, clock.stamp(now)])
        db.table(TABLE).insert({"code_hash": _hash(raw), "member_id": member_id,
                                "created_at": clock.stamp(now), "expires_at": expires_at})
    return {"code": format_code(raw), "expires_at": expires_at}


def pending(db, member_id: int) -> dict | None:
    """The member's code still valid, if any (its expiry only: the code is not kept)."""
    return first_row(db, f"select expires_at from {TABLE} where member_id = ? and "
                         "expires_at > ?", [member_id, clock.stamp()])


def redeem(db, typed: str, volunteer, subject: str) -> None:
    """Confirm the key whose code this is, as ``volunteer`` (``subject``: what the throttle
    counts wrong codes by, the volunteer's id); the code is used up. Raises WrongCode, or
    throttle.Throttled past the limit of wrong codes."""
    attempt = throttle.count_attempt(db, ((WRONG_CODES, subject),))
    code = normalise_code(typed or "")
    with db.atomic():
        found = code and first_row(db, f"select member_id from {TABLE} where code_hash = ? "
                                       "and expires_at > ?", [_hash(code), clock.stamp()])
        if not found:
            raise WrongCode()
        db.execute(f"delete from {TABLE} where code_hash = ?", [_hash(code)])
        if not keys.confirm(db, found["member_id"], volunteer):
            raise WrongCode()
    throttle.succeeded(db, attempt)

