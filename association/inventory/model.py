"""The vocabulary of the inventory: roles, legal bases, retention rules, tables, columns."""
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

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
    "none": _l("none (no personal data)"),
    "contacts": _l("contact people of the association and of landlords"),
    "members": _l("members (tenants), known only by a key"),
    "volunteers": _l("volunteers of the association"),
    "respondents": _l("people and organisations who reply to a communiqué (right of reply)"),
}


# Events that end a retention ("until <event>"), with what they mean.
EVENTS = {
    "replaced": _l("the association replaces it"),
    "account_deleted": _l("an administrator deletes the account"),
    "reenrolled": _l("the volunteer enrols a new second factor or the account is deleted"),
    "parent_deleted": _l("the record it belongs to is deleted (it goes with it)"),
}


@dataclass(frozen=True)
class Retention:
    """A parsed retention rule: ``keep``, ``after`` (days after a column) or ``until`` (an event)."""

    kind: str
    days: int | None = None
    column: str | None = None
    event: str | None = None

    @property
    def period(self) -> timedelta | None:
        """How long an "after" rule keeps things (None for the other kinds)."""
        return timedelta(days=self.days) if self.kind == "after" else None

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
    # Free text written by a member or a volunteer goes through the sensitive-content screen.
    # The categories of confirmed flagged text are kept in the companion column
    # "<name>_flags"; such text is emptied sooner, after ``flagged_retention``.
    screened: bool = False
    flagged_retention: str | None = None
    # Stored encrypted (crypto.encrypt): the member's export shows it decrypted.
    encrypted: bool = False
    # The column holds the name of a file kept under ``instance/<file_folder>/``: retention,
    # erasure and demo removal delete the file with the row, the export counts it.
    file_folder: str | None = None
    # The member's readable export: a short label (``purpose`` goes to its glossary) and the
    # value in words (a code's label), for the columns a tenant reads first.
    label: object | None = None
    words: Callable | None = None


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
    # The column that ties a row to a member (their export and erasure follow it), and what
    # erasure does to such rows: "delete" them, or "unlink" (set the column to null).
    member_link: str | None = None
    on_member_erase: str = "delete"
    # A derived full-text index (FTS5, kept in step by triggers) over these text columns:
    # its shadow tables are part of the table, and purges rebuild it so that no deleted
    # word stays in the index.
    search: tuple[str, ...] = ()
    # Said after the rule in the register when the purge applies a condition of its own (for
    # members: "and no open item"), so that the register says what the purge does.
    retention_note: object | None = None
    # What the site needs in order to run (schema changes, job runs, sessions, throttling),
    # rather than data the association works with: the register folds these under their own
    # heading, so that a reader finds the rest first. Nothing else changes for them.
    technical: bool = False
    # The member's readable export, ordered as a tenant thinks (their reports first, who read
    # them last): a short heading (``purpose`` otherwise) and a rank (lower first).
    export_heading: object | None = None
    export_rank: int = 50

    @property
    def search_table(self) -> str | None:
        """The name of the table's full-text index, if it has one."""
        return f"{self.name}_fts" if self.search else None

    @property
    def file_columns(self) -> tuple:
        """The columns that name files under ``instance/``."""
        return tuple(c for c in self.columns if c.file_folder)

    def column(self, name: str) -> Column:
        """The declared column called ``name``."""
        return next(c for c in self.columns if c.name == name)

    def retention_of(self, column: Column) -> Retention:
        """The effective retention of a column (its own rule or the table's)."""
        return parse_retention(column.retention or self.retention)

    def readers_of(self, column: Column) -> tuple[str, ...]:
        """Who may read a column (its own list or the table's)."""
        return column.readers or self.readers


