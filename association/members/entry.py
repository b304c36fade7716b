"""The ways into a personal space, under their throttles: a key typed, or a new key made.
Shared by the member space and by every capability that lets a tenant act with their key
(a report, a request, an answer)."""
from flask_babel import get_locale

from .. import shown_once, throttle
from ..security import client_address
from . import keys, sessions

KEY_ADDRESS = throttle.Limit("member-key-address", 10)
NEW_KEY_ADDRESS = throttle.Limit("member-new-key-address", 20)


class WrongKey(Exception):
    """No member has the key typed."""


def member_for(db, typed_key: str) -> dict:
    """The member whose key this is, signed in here; raises WrongKey, or throttle.Throttled
    past the limit of wrong keys from this address.

    A right key always opens (100 random bits cannot be guessed); wrong keys are counted per
    address and past the limit answered 429, so a guesser sharing an address with a member
    never locks that member out."""
    found = keys.find(db, typed_key)
    if found is not None:
        keys.touch(db, found["id"], str(get_locale()))
        sessions.sign_in(db, found["id"])
        return found
    throttle.count_attempt(db, ((KEY_ADDRESS, client_address()),))
    raise WrongKey()


def new_member(db) -> tuple[int, str]:
    """A new key, signed in here and kept to be shown on the next page (until its owner says
    they kept it); raises throttle.Throttled past the limit of new keys from this address."""
    throttle.count_attempt(db, ((NEW_KEY_ADDRESS, client_address()),))
    member_id, key = keys.create(db, language=str(get_locale()))
    sessions.sign_in(db, member_id)
    shown_once.keep("member_key", key, f"member:{member_id}")
    return member_id, key


def pending_key(member: dict | None) -> str | None:
    """The new key still to be shown to this member, if any."""
    return shown_once.pending("member_key", f"member:{member['id']}") if member else None
