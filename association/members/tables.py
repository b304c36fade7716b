"""The members' tables, as declared in the inventory."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from ..i18n import lazy_duration
from ..inventory import Column, Table
from .confirmation import LIFETIME as CODE_LIFETIME
from .keys import CONTACT_LIFETIME
from .sessions import SESSION_IDLE

INACTIVE_DAYS = 395  # a key unused for about 13 months goes, with everything tied to it

TABLES: tuple[Table, ...] = (
    Table(
        "members",
        _l("members, known only by a key: no name, e-mail address, phone or flat number"),
        export_heading=_l("My key and settings"), export_rank=60,
        legal_basis="legitimate_interest", people="members",
        retention=f"{INACTIVE_DAYS} days after last_seen_at", readers=("member",),
        member_link="id",
        retention_note=_l("and only once nothing of theirs is still open (a report being "
                          "handled...)"),
        columns=(
            Column("id", _l("row number")),
            Column("key_hash", _l("keyed hash of the personal key (the key itself is never "
                                  "stored)"), personal=True, readers=("system",)),
            Column("created_at", _l("when the key was made"), personal=True),
            Column("last_seen_at", _l("last time the key was used; %(duration)s later the key "
                                      "and everything tied to it are deleted",
                                      duration=lazy_duration(timedelta(days=INACTIVE_DAYS))),
                   personal=True),
            Column("building_id", _l("the member's building, if they chose to say"),
                   personal=True, readers=("member", "volunteer")),
            Column("language", _l("language of the pages and messages")),
            Column("contact_email", _l("optional e-mail for reminders, encrypted, given with "
                                       "consent"), personal=True, encrypted=True,
                   retention="0 days after contact_expires_at", readers=("member", "system")),
            Column("contact_consent_at", _l("when the member agreed to reminders by e-mail"),
                   personal=True, retention="0 days after contact_expires_at"),
            Column("contact_expires_at", _l("when the e-mail address deletes itself (%(duration)s "
                                            "after consent)",
                                            duration=lazy_duration(CONTACT_LIFETIME)),
                   personal=True, retention="0 days after contact_expires_at"),
            Column("confirmed_at", _l("when a volunteer confirmed in person that this key belongs "
                                      "to a tenant (nothing else is noted: not who, nor how)"),
                   personal=True),
            Column("confirmed_by", _l("the volunteer who confirmed the key"), personal=True,
                   readers=("member", "volunteer")),
        ),
    ),
    Table(
        "member_sessions",
        _l("open personal spaces, so that closing the space or erasing everything ends every copy "
           "of the browser's cookie (%(duration)s idle)", duration=lazy_duration(SESSION_IDLE)),
        export_heading=_l("My open spaces"), export_rank=70,
        legal_basis="legitimate_interest", people="members",
        retention="1 day after last_seen_at", readers=("system",), member_link="member_id",
        technical=True,
        columns=(
            Column("id_hash", _l("keyed hash of the session's random identifier"),
                   readers=("system",)),
            Column("member_id", _l("the member"), personal=True),
            Column("created_at", _l("when the space was opened"), personal=True),
            Column("last_seen_at", _l("last activity in the space"), personal=True),
        ),
    ),
    Table(
        "key_confirmation_codes",
        _l("codes a member shows a volunteer in person so that their key is confirmed without "
           "the volunteer seeing it (valid %(duration)s, used once)",
           duration=lazy_duration(CODE_LIFETIME)),
        legal_basis="legitimate_interest", people="members",
        retention="1 day after expires_at", readers=("system",), member_link="member_id",
        technical=True,
        columns=(
            Column("code_hash", _l("keyed hash of the code (the code itself is never stored)"),
                   readers=("system",)),
            Column("member_id", _l("the member whose key the code confirms"), personal=True),
            Column("created_at", _l("when the member asked for the code"), personal=True),
            Column("expires_at", _l("when the code stops working"), personal=True),
        ),
    ),
    Table(
        "outbox",
        _l("messages waiting to be sent to members who gave an e-mail address: only their "
           "kind, never any text, key or letter content"),
        export_heading=_l("Messages waiting to be sent to me"), export_rank=75,
        legal_basis="consent", people="members", retention="30 days after created_at",
        readers=("system",), member_link="member_id",
        columns=(
            Column("id", _l("row number")),
            Column("member_id", _l("the member to write to"), personal=True),
            Column("kind", _l("which message (for example: confirmation of the address)")),
            Column("created_at", _l("when the message was queued")),
            Column("attempts", _l("how many times sending was tried")),
            Column("next_attempt_at", _l("when to try again after a failure")),
            Column("sent_at", _l("when it was sent")),
            Column("last_error", _l("kind of the last sending error (never its text)")),
        ),
    ),
)
