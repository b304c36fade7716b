"""The volunteers' tables, as declared in the inventory."""
from flask_babel import lazy_gettext as _l

from ..i18n import lazy_duration
from ..inventory import Column, Table, demo_flag
from .accounts import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, INVITATION_LIFETIME

TABLES: tuple[Table, ...] = (
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
                                     "outside the database"), personal=True, readers=("system",),
                   encrypted=True),
            Column("totp_last_step", _l("last one-time code accepted, so none is accepted twice"),
                   readers=("system",)),
            Column("disabled", _l("an administrator disabled the account")),
            Column("created_at", _l("when the account was created")),
            Column("last_login_at", _l("last sign-in"), personal=True),
            demo_flag(),
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
            Column("expires_at", _l("when the link stops working (%(duration)s)",
                                    duration=lazy_duration(INVITATION_LIFETIME, 4))),
            Column("used_at", _l("when the link was used")),
            Column("totp_secret", _l("second-factor secret being enrolled, encrypted"),
                   personal=True, readers=("system",), encrypted=True),
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
           "everywhere (%(idle)s idle, %(most)s at most)", idle=lazy_duration(IDLE_TIMEOUT),
           most=lazy_duration(ABSOLUTE_TIMEOUT, 4)),
        legal_basis="legitimate_interest", people="volunteers",
        retention="1 day after last_seen_at", technical=True, readers=("admin",),
        columns=(
            Column("id_hash", _l("hash of the session's random identifier"), readers=("system",)),
            Column("volunteer_id", _l("the volunteer"), personal=True),
            Column("created_at", _l("when the session began"), personal=True),
            Column("last_seen_at", _l("last activity in the session"), personal=True),
        ),
    ),
)
