"""The declarations: every table and column Amicale holds, and the register's other items.

A new migration that adds a table or a column adds its declaration here, in the same change.
"""
from flask_babel import lazy_gettext as _l

from .model import Column, Table


def _demo_flag():
    return Column("is_demo", _l("marks demonstration content, so it can be told apart and removed"))


TABLES: tuple[Table, ...] = (
    Table(
        "_sqlite_migrations",
        _l("records which schema changes have been applied"),
        legal_basis="not_personal", people="none", retention="keep", readers=("system",),
        columns=(
            Column("id", _l("row number")),
            Column("migration_set", _l("name of the set of schema changes")),
            Column("name", _l("name of the schema change")),
            Column("applied_at", _l("when the change was applied")),
        ),
    ),
    Table(
        "association_settings",
        _l("who the association is: the controller named in this register"),
        legal_basis="legitimate_interest", people="contacts", retention="keep",
        readers=("public",),
        columns=(
            Column("id", _l("always 1: there is one association per installation")),
            Column("name", _l("name of the association")),
            Column("postal_address", _l("postal address of the association")),
            Column("contact_email", _l("contact address for questions about data"), personal=True,
                   retention="until replaced"),
            _demo_flag(),
        ),
    ),
    Table(
        "landlords",
        _l("landlords and data controllers the association deals with (public organisations)"),
        legal_basis="legitimate_interest", people="contacts", retention="keep",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("name", _l("name of the landlord")),
            Column("postal_address", _l("postal address, for letters")),
            Column("dpo_email", _l("e-mail of the landlord's data protection officer"),
                   personal=True, retention="until replaced"),
            Column("siren", _l("company number (SIREN)")),
            _demo_flag(),
        ),
    ),
    Table(
        "buildings",
        _l("buildings the association covers"),
        legal_basis="not_personal", people="none", retention="keep", readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("name", _l("name of the building or residence")),
            Column("street_address", _l("street address of the building")),
            Column("landlord_id", _l("the building's landlord")),
            _demo_flag(),
        ),
    ),
    Table(
        "job_runs",
        _l("which scheduled job ran for which period, so each runs exactly once; "
           "feeds the transparency report"),
        legal_basis="not_personal", people="none", retention="400 days after started_at",
        readers=("admin",),
        columns=(
            Column("job", _l("identifier of the job")),
            Column("period", _l("period the run covers")),
            Column("status", _l("running, done or failed")),
            Column("attempts", _l("how many times the run was attempted")),
            Column("started_at", _l("when the run started")),
            Column("finished_at", _l("when the run ended")),
            Column("outcome", _l("counts of what the job did (never personal data)")),
        ),
    ),
)

VOLUNTEER_TABLES: tuple[Table, ...] = (
    Table(
        "volunteers",
        _l("volunteer accounts: who may sign in to the volunteer area, with which role"),
        legal_basis="legitimate_interest", people="volunteers", retention="until account_deleted",
        readers=("admin",),
        columns=(
            Column("id", _l("row number")),
            Column("login", _l("login name chosen by the volunteer (a pseudonym is fine); shown "
                               "to members in the log of who read their records"),
                   personal=True, readers=("admin", "member")),
            Column("password_hash", _l("password, stored only as an argon2id hash"),
                   personal=True, readers=("system",)),
            Column("role", _l("admin, editor or volunteer")),
            Column("totp_secret", _l("secret of the one-time code app, encrypted with a key kept "
                                     "outside the database"), personal=True, readers=("system",)),
            Column("totp_last_step", _l("last one-time code accepted, so none is accepted twice"),
                   readers=("system",)),
            Column("disabled", _l("an administrator disabled the account")),
            Column("created_at", _l("when the account was created")),
            Column("last_login_at", _l("last sign-in"), personal=True),
            _demo_flag(),
        ),
    ),
    Table(
        "volunteer_buildings",
        _l("which buildings each volunteer may handle (need to know)"),
        legal_basis="legitimate_interest", people="volunteers", retention="until account_deleted",
        readers=("admin",),
        columns=(
            Column("volunteer_id", _l("the volunteer"), personal=True),
            Column("building_id", _l("a building in their scope")),
        ),
    ),
    Table(
        "invitations",
        _l("single-use invitation links to create a password and enrol the second factor"),
        legal_basis="legitimate_interest", people="volunteers",
        retention="30 days after expires_at", readers=("admin",),
        columns=(
            Column("token_hash", _l("keyed hash of the link's token (the link itself is not kept)"),
                   readers=("system",)),
            Column("volunteer_id", _l("the invited volunteer"), personal=True),
            Column("created_by", _l("the administrator who invited them"), personal=True),
            Column("created_at", _l("when the invitation was made")),
            Column("expires_at", _l("when the link stops working (72 hours)")),
            Column("used_at", _l("when the link was used")),
            Column("totp_secret", _l("second-factor secret being enrolled, encrypted"),
                   personal=True, readers=("system",)),
        ),
    ),
    Table(
        "recovery_codes",
        _l("single-use recovery codes for a lost phone, stored only as keyed hashes"),
        legal_basis="legitimate_interest", people="volunteers", retention="until reenrolled",
        readers=("system",),
        columns=(
            Column("volunteer_id", _l("the volunteer"), personal=True),
            Column("code_hash", _l("keyed hash of the code")),
            Column("used_at", _l("when the code was used")),
        ),
    ),
    Table(
        "volunteer_sessions",
        _l("open volunteer sessions, so that logging out or disabling an account ends them "
           "everywhere (30 minutes idle, 12 hours at most)"),
        legal_basis="legitimate_interest", people="volunteers",
        retention="1 day after last_seen_at", readers=("admin",),
        columns=(
            Column("id_hash", _l("hash of the session's random identifier"), readers=("system",)),
            Column("volunteer_id", _l("the volunteer"), personal=True),
            Column("created_at", _l("when the session began"), personal=True),
            Column("last_seen_at", _l("last activity in the session"), personal=True),
        ),
    ),
    Table(
        "throttle_events",
        _l("failed sign-in attempts, to slow down password guessing; the address is kept only "
           "as a keyed hash, and only for the 15-minute window"),
        legal_basis="legitimate_interest", people="volunteers",
        retention="1 day after at", readers=("system",),
        columns=(
            Column("id", _l("row number")),
            Column("scope", _l("what was attempted (account or address)")),
            Column("subject_hash", _l("keyed hash of the login name or network address"),
                   personal=True),
            Column("at", _l("when the attempt failed")),
        ),
    ),
    Table(
        "audit_log",
        _l("who did what to which record, and when: every volunteer read of a non-public record "
           "and every change; members see the entries about their own records. Never any text, "
           "key or password"),
        legal_basis="legitimate_interest", people="volunteers",
        retention="365 days after at", readers=("admin", "member"),
        member_link="member_id", on_member_erase="unlink",
        columns=(
            Column("id", _l("row number")),
            Column("at", _l("when")),
            Column("volunteer_id", _l("the volunteer who acted"), personal=True),
            Column("volunteer_login", _l("their login name at the time"), personal=True),
            Column("action", _l("read, create, update, delete, reveal, export, sign-in...")),
            Column("object_type", _l("kind of record")),
            Column("object_id", _l("which record")),
            Column("member_id", _l("the member the record belongs to, if any"), personal=True),
            Column("reason", _l("why masked text was revealed, from a closed list (never the "
                                "text itself)")),
        ),
    ),
)

MEMBER_TABLES: tuple[Table, ...] = (
    Table(
        "members",
        _l("members, known only by a key: no name, e-mail address, phone or flat number"),
        legal_basis="legitimate_interest", people="members",
        retention="395 days after last_seen_at", readers=("member",), member_link="id",
        columns=(
            Column("id", _l("row number")),
            Column("key_hash", _l("keyed hash of the member key (the key itself is never "
                                  "stored)"), personal=True, readers=("system",)),
            Column("created_at", _l("when the key was made"), personal=True),
            Column("last_seen_at", _l("last time the key was used; 13 months later the key "
                                      "and everything tied to it are deleted"), personal=True),
            Column("building_id", _l("the member's building, if they chose to say"),
                   personal=True, readers=("member", "volunteer")),
            Column("language", _l("language of the pages and messages")),
            Column("contact_email", _l("optional e-mail for reminders, encrypted, given with "
                                       "consent"), personal=True,
                   retention="0 days after contact_expires_at", readers=("member", "system")),
            Column("contact_consent_at", _l("when the member agreed to reminders by e-mail"),
                   personal=True, retention="0 days after contact_expires_at"),
            Column("contact_expires_at", _l("when the e-mail address deletes itself (6 months "
                                            "after consent)"),
                   personal=True, retention="0 days after contact_expires_at"),
        ),
    ),
    Table(
        "member_sessions",
        _l("open member spaces, so that closing the space or erasing everything ends every copy "
           "of the browser's cookie (30 minutes idle)"),
        legal_basis="legitimate_interest", people="members",
        retention="1 day after last_seen_at", readers=("system",), member_link="member_id",
        columns=(
            Column("id_hash", _l("keyed hash of the session's random identifier"),
                   readers=("system",)),
            Column("member_id", _l("the member"), personal=True),
            Column("created_at", _l("when the space was opened"), personal=True),
            Column("last_seen_at", _l("last activity in the space"), personal=True),
        ),
    ),
    Table(
        "outbox",
        _l("messages waiting to be sent to members who gave an e-mail address: only their "
           "kind, never any text, key or letter content"),
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

TABLES = TABLES + VOLUNTEER_TABLES + MEMBER_TABLES

# Art. 30 items that do not come from a single table.
RECIPIENTS = (_l("no one outside the association: nothing is sold, shared or sent to third parties"),)
TRANSFERS_OUTSIDE_EU = _l("none: everything stays on the association's own server")
SECURITY_MEASURES = (
    _l("members are known by a key, never by name, e-mail or phone"),
    _l("the database deletes securely (secure_delete) and retention is enforced by a daily job"),
    _l("strict browser security headers; no third-party content, font, map or analytics"),
    _l("forms are protected against cross-site request forgery"),
    _l("the server's secret key is generated on the server and never leaves it"),
)


