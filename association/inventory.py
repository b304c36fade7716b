"""The data inventory: every table and column Amicale holds, declared once (rule 1).

A test compares this inventory with the live schema in both directions, ``init-db`` refuses
a schema that differs, and the public data register (``/donnees``, ``/donnees.json``) is built
from it, so the register cannot say something the database does not do.

Retention rules are machine-readable, in one of three forms:
``keep`` (reference data, kept while the association needs it),
``N days after <column>`` and ``until <event>``.
"""
import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

ROLES = {
    "public": _l("anyone (public)"),
    "member": _l("the member concerned"),
    "volunteer": _l("volunteers, for their own buildings"),
    "editor": _l("editors"),
    "admin": _l("administrators"),
    "system": _l("the application only"),
}

LEGAL_BASES = {
    "not_personal": _l("not personal data"),
    "legitimate_interest": _l("legitimate interest of the association (GDPR art. 6(1)(f))"),
    "consent": _l("consent of the person (GDPR art. 6(1)(a))"),
    "legal_obligation": _l("legal obligation (GDPR art. 6(1)(c))"),
}

PEOPLE = {
    "none": _l("no one: no personal data"),
    "contacts": _l("contact people of the association and of landlords"),
    "members": _l("members (tenants), known only by a key"),
    "volunteers": _l("volunteers of the association"),
}


# Events that end a retention ("until <event>"), with what they mean.
EVENTS = {
    "replaced": _l("the association replaces it"),
    "account_deleted": _l("an administrator deletes the account"),
    "reenrolled": _l("the volunteer enrols a new second factor or the account is deleted"),
}


@dataclass(frozen=True)
class Retention:
    """A parsed retention rule: ``keep``, ``after`` (days after a column) or ``until`` (an event)."""

    kind: str
    days: int | None = None
    column: str | None = None
    event: str | None = None

    def describe(self) -> str:
        """The rule in the reader's language."""
        if self.kind == "keep":
            return str(_l("kept while the association needs it"))
        if self.kind == "after":
            return str(_l("deleted %(days)s days after %(column)s", days=self.days, column=self.column))
        return str(_l("kept until %(event)s", event=EVENTS[self.event]))

    def as_json(self) -> dict:
        """The rule as plain data for ``/donnees.json``."""
        data = {"kind": self.kind, "text": self.describe()}
        if self.kind == "after":
            data.update(days=self.days, after_column=self.column)
        if self.kind == "until":
            data.update(event=self.event)
        return data


_AFTER = re.compile(r"^(\d+) days? after ([a-z_][a-z0-9_]*)$")
_UNTIL = re.compile(r"^until ([a-z][a-z0-9_]*)$")


def parse_retention(rule: str) -> Retention:
    """Parse a retention rule; a rule outside the grammar raises ValueError saying why."""
    rule = rule.strip()
    if rule == "keep":
        return Retention("keep")
    if match := _AFTER.match(rule):
        return Retention("after", days=int(match[1]), column=match[2])
    if (match := _UNTIL.match(rule)) and match[1] in EVENTS:
        return Retention("until", event=match[1])
    raise ValueError(
        f"retention rule {rule!r} is not one of 'keep', 'N days after <column>', "
        f"'until <event>' with an event among {sorted(EVENTS)}"
    )


@dataclass(frozen=True)
class Column:
    """One declared column: why it exists, whose data it is and how long it stays."""

    name: str
    purpose: object
    personal: bool = False
    sensitive: bool = False
    retention: str | None = None  # None: the table's rule
    readers: tuple[str, ...] | None = None  # None: the table's readers


@dataclass(frozen=True)
class Table:
    """One declared table with its purpose, legal basis, retention and readers."""

    name: str
    purpose: object
    legal_basis: str
    people: str
    retention: str
    readers: tuple[str, ...]
    columns: tuple[Column, ...] = field(default_factory=tuple)

    def column(self, name: str) -> Column:
        """The declared column called ``name``."""
        return next(c for c in self.columns if c.name == name)

    def retention_of(self, column: Column) -> Retention:
        """The effective retention of a column (its own rule or the table's)."""
        return parse_retention(column.retention or self.retention)

    def readers_of(self, column: Column) -> tuple[str, ...]:
        """Who may read a column (its own list or the table's)."""
        return column.readers or self.readers


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
        columns=(
            Column("id", _l("row number")),
            Column("at", _l("when")),
            Column("volunteer_id", _l("the volunteer who acted"), personal=True),
            Column("volunteer_login", _l("their login name at the time"), personal=True),
            Column("action", _l("read, create, update, delete, reveal, export, sign-in...")),
            Column("object_type", _l("kind of record")),
            Column("object_id", _l("which record")),
            Column("member_id", _l("the member the record belongs to, if any"), personal=True),
        ),
    ),
)

TABLES = TABLES + VOLUNTEER_TABLES

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


def row_retention_rules() -> list[tuple[str, Retention]]:
    """Tables whose rows go a number of days after one of their columns, with that rule."""
    rules = []
    for table in TABLES:
        rule = parse_retention(table.retention)
        if rule.kind == "after":
            rules.append((table.name, rule))
    return rules


def declared() -> dict[str, set[str]]:
    """Declared tables and their columns."""
    return {table.name: {column.name for column in table.columns} for table in TABLES}


def is_internal(table_name: str) -> bool:
    """SQLite's own bookkeeping tables (statistics, autoincrement), which hold no data of ours."""
    return table_name.startswith("sqlite_")


def live_schema(db) -> dict[str, set[str]]:
    """Tables and columns that the database really has."""
    return {
        name: {column.name for column in db.table(name).columns}
        for name in db.table_names()
        if not is_internal(name)
    }


def differences(db) -> list[str]:
    """Everything that differs between the live schema and the inventory, one line each."""
    return compare(live_schema(db), declared())


def compare(live: dict[str, set[str]], inventory: dict[str, set[str]]) -> list[str]:
    """Name each table or column present on one side only."""
    problems = []
    for table in sorted(live.keys() - inventory.keys()):
        problems.append(f"table {table} is in the database but not declared in the inventory")
    for table in sorted(inventory.keys() - live.keys()):
        problems.append(f"table {table} is declared in the inventory but absent from the database")
    for table in sorted(live.keys() & inventory.keys()):
        for column in sorted(live[table] - inventory[table]):
            problems.append(f"column {table}.{column} is in the database but not declared")
        for column in sorted(inventory[table] - live[table]):
            problems.append(f"column {table}.{column} is declared but absent from the database")
    return problems


def check_declarations() -> list[str]:
    """Mistakes inside the inventory itself: bad rules, unknown roles, impossible flags."""
    problems = []
    for table in TABLES:
        for label, known in (("legal basis", LEGAL_BASES), ("people", PEOPLE)):
            value = table.legal_basis if label == "legal basis" else table.people
            if value not in known:
                problems.append(f"{table.name}: unknown {label} {value!r}")
        names = {column.name for column in table.columns}
        for column in table.columns:
            where = f"{table.name}.{column.name}"
            try:
                rule = table.retention_of(column)
            except ValueError as error:
                problems.append(f"{where}: {error}")
                continue
            if rule.kind == "after" and rule.column not in names:
                problems.append(f"{where}: retention counts from unknown column {rule.column}")
            unknown = set(table.readers_of(column)) - ROLES.keys()
            if unknown:
                problems.append(f"{where}: unknown readers {sorted(unknown)}")
            if column.sensitive and not column.personal:
                problems.append(f"{where}: sensitive data is always personal data")
            if column.personal and table.legal_basis == "not_personal":
                problems.append(f"{where}: personal column in a table declared not personal")
    return problems
