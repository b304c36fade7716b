"""The data inventory: every table and column Amicale holds, declared once (rule 1).

A test compares this inventory with the live schema in both directions, ``init-db`` refuses
a schema that differs, and the public data register (``/donnees``, ``/donnees.json``) is built
from it, so the register cannot say something the database does not do.

Retention rules are machine-readable, in one of three forms:
``keep`` (reference data, kept while the association needs it),
``N days after <column>`` and ``until <event>``.
"""
from .model import (EVENTS, LEGAL_BASES, PEOPLE, ROLES, Column, Retention, Table,  # noqa: F401
                    parse_retention)
from .tables import (RECIPIENTS, SECURITY_MEASURES, TABLES,  # noqa: F401
                     TRANSFERS_OUTSIDE_EU)


def row_retention_rules() -> list[tuple[str, Retention]]:
    """Tables whose rows go a number of days after one of their columns, with that rule."""
    rules = []
    for table in TABLES:
        rule = parse_retention(table.retention)
        if rule.kind == "after":
            rules.append((table.name, rule))
    return rules


def column_retention_rules() -> list[tuple[str, str, Retention]]:
    """Columns emptied a number of days after another column: (table, column, rule)."""
    rules = []
    for table in TABLES:
        for column in table.columns:
            if column.retention and parse_retention(column.retention).kind == "after":
                rules.append((table.name, column.name, parse_retention(column.retention)))
    return rules


def flagged_text_rules() -> list[tuple[str, str, Retention]]:
    """Screened text columns with the shorter retention of their flagged text."""
    return [(table.name, column.name, parse_retention(column.flagged_retention))
            for table in TABLES for column in table.columns
            if column.screened and column.flagged_retention]


def member_tables() -> list[Table]:
    """Tables holding rows tied to a member: what their export shows and erasure removes."""
    return [table for table in TABLES if table.member_link]


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
            if column.screened:
                if f"{column.name}_flags" not in names:
                    problems.append(f"{where}: screened text needs a {column.name}_flags column")
                flagged = column.flagged_retention and parse_retention(column.flagged_retention)
                if not flagged or flagged.kind != "after" or flagged.column not in names:
                    problems.append(f"{where}: screened text needs a flagged_retention "
                                    "'N days after <column>' of its table")
        if table.member_link and table.member_link not in names:
            problems.append(f"{table.name}: member link {table.member_link} is not a column")
        if table.on_member_erase not in ("delete", "unlink"):
            problems.append(f"{table.name}: on_member_erase must be delete or unlink")
    return problems
