"""Members have a key, not an identity.

A personal key is 100 random bits shown as five groups of four Crockford base32 characters
(``7KQ2-9XWM-4PRT-ZR8H-3NDA``). Only its keyed hash (HMAC-SHA256 under a secret kept in
``instance/``) is stored: a lost key cannot be recovered, by design.
"""
import secrets
from datetime import timedelta


from .. import clock
from ..crypto import decrypt, encrypt, keyed_hash
from ..db import first_row, row_or_none

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
KEY_LENGTH = 20  # characters of 5 bits: 100 bits
CONTACT_LIFETIME = timedelta(days=183)  # about six months
# What people type by mistake, read as the character they meant.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_key() -> str:
    """A fresh personal key, formatted for reading."""
    return format_key("".join(secrets.choice(ALPHABET) for _ in range(KEY_LENGTH)))


def format_key(raw: str) -> str:
    """Groups of four separated by dashes."""
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalise_key(typed: str) -> str | None:
    """The key's 20 characters from what was typed (any case, spaces, dashes, O/0, I/1),
    or None when it cannot be a key."""
    cleaned = normalise_key_characters(typed)
    if len(cleaned) != KEY_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def normalise_key_characters(typed: str) -> str:
    """What was typed as upper-case letters and digits, read as the characters meant (O/0,
    I/1, L/1, U/V): for keys and confirmation codes alike."""
    return "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_CONFUSABLE)


def key_hash(key: str) -> str:
    """The keyed hash under which a (normalised) key is stored."""
    return keyed_hash("member-key", key)


def create(db, language: str = "fr") -> tuple[int, str]:
    """A new member; return their id and their key (shown once, never stored)."""
    key = new_key()
    now = clock.stamp()
    member_id = db.table("members").insert({
        "key_hash": key_hash(normalise_key(key)), "created_at": now, "last_seen_at": now,
        "language": language,
    }).last_pk
    return member_id, key


def find(db, typed_key: str) -> dict | None:
    """The member whose key this is, or None."""
    key = normalise_key(typed_key)
    if key is None:
        return None
    return first_row(db, "select * from members where key_hash = ?", [key_hash(key)])


def get(db, member_id: int) -> dict | None:
    """The member with this id, or None (erased or purged)."""
    return row_or_none(db, "members", member_id)


# SQL: a member row (alias ``members`` or as given) whose key a volunteer confirmed in person.
CONFIRMED = "confirmed_at is not null"


def is_confirmed(member: dict | None) -> bool:
    """Whether a volunteer confirmed this member's key in person (issue 19: a free key is
    not a member)."""
    return bool(member and member.get("confirmed_at"))


def confirm(db, member_id: int, volunteer) -> bool:
    """Note that ``volunteer`` confirmed this key in person: only when and by whom, with its
    audit entry, in one write transaction. False when the member is gone; confirming twice
    keeps the first confirmation. What the capabilities count only for confirmed keys
    follows in the same transaction (``MemberSpace.key_confirmed``)."""
    from .. import audit
    from ..capability import collect

    with db.atomic():
        member = get(db, member_id)
        if member is None:
            return False
        if member.get("confirmed_at"):
            return True
        volunteer_id = volunteer["id"] if isinstance(volunteer, dict) else volunteer.id
        db.table("members").update(member_id, {"confirmed_at": clock.stamp(),
                                               "confirmed_by": volunteer_id})
        audit.record(db, volunteer, "confirm_key", "member", member_id, member_id=member_id)
        for counted in collect("member_space.key_confirmed"):
            counted(db, member_id)
    return True


def touch(db, member_id: int, language: str | None = None) -> None:
    """Record that the key was used today (retention counts from here), and in which
    language, so that messages follow the member's latest choice."""
    changes = {"last_seen_at": clock.stamp()}
    if language:
        changes["language"] = language
    db.table("members").update(member_id, changes)


def set_building(db, member_id: int, building_id: int | None) -> None:
    """The member's building, or none."""
    db.table("members").update(member_id, {"building_id": building_id or None})


def set_contact(db, member_id: int, email: str) -> None:
    """Keep an e-mail address for reminders: encrypted, with the consent date and an expiry."""
    now = clock.now()
    db.table("members").update(member_id, {
        "contact_email": encrypt(email.strip()), "contact_consent_at": clock.stamp(now),
        "contact_expires_at": clock.stamp(now + CONTACT_LIFETIME),
    })


def remove_contact(db, member_id: int) -> None:
    """Forget the e-mail address and its consent at once (noted in the erasure journal, so
    that no backup brings it back)."""
    from . import journal

    member = get(db, member_id)
    if member and member["contact_email"]:
        journal.record("contact_removed", member["key_hash"])
    db.table("members").update(member_id, {"contact_email": None, "contact_consent_at": None,
                                           "contact_expires_at": None})


def contact_email(member: dict) -> str | None:
    """The member's e-mail address in clear, if they gave one."""
    return decrypt(member["contact_email"]) if member.get("contact_email") else None
