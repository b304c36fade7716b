"""The data inventory: every table and column Amicale holds, declared once (rule 1).

A test compares this inventory with the live schema in both directions, ``init-db`` refuses
a schema that differs, and the public data register (``/donnees``, ``/donnees.json``) is built
from it, so the register cannot say something the database does not do.

The inventory is the shared core's tables (``tables.py``) followed by those each installed
capability declares. Retention rules are machine-readable, in one of three forms:
``keep`` (reference data, kept while the association needs it),
``N days after <column>`` and ``until <event>``.
"""
from .model import (EVENTS, LEGAL_BASES, PEOPLE, ROLES, Column, Retention, Table,  # noqa: F401
                    parse_retention)
from .tables import (LEGITIMATE_INTEREST, RECIPIENTS, SECURITY_MEASURES,  # noqa: F401
                     SENSITIVE_BASIS, TABLES, TRANSFERS_OUTSIDE_EU,
                     demo_flag)

from datetime import timedelta  # noqa: E402

# What SQLite adds for an FTS5 index, beside the index's own virtual table.
FTS5_SHADOWS = ("_data", "_idx", "_docsize", "_config")


def all_tables(app=None) -> tuple[Table, ...]:
    """The whole inventory: the core's tables, then each installed capability's."""
    from ..capability import collect

    return TABLES + tuple(collect("schema.tables", app))


def row_retention_rules(tables=None) -> list[tuple[str, Retention]]:
    """Tables whose rows go a number of days after one of their columns, with that rule."""
    rules = []
    for table in tables or all_tables():
        rule = parse_retention(table.retention)
        if rule.kind == "after":
            rules.append((table.name, rule))
    return rules


def column_retention_rules(tables=None) -> list[tuple[str, str, Retention]]:
    """Columns emptied a number of days after another column: (table, column, rule)."""
    rules = []
    for table in tables or all_tables():
        for column in table.columns:
            if column.retention and parse_retention(column.retention).kind == "after":
                rules.append((table.name, column.name, parse_retention(column.retention)))
    return rules


def flagged_text_rules(tables=None) -> list[tuple[str, str, Retention]]:
    """Screened text columns with the shorter retention of their flagged text."""
    return [(table.name, column.name, parse_retention(column.flagged_retention))
            for table in tables or all_tables() for column in table.columns
            if column.screened and column.flagged_retention]


def member_tables(tables=None) -> list[Table]:
    """Tables holding rows tied to a member: what their export shows and erasure removes."""
    return [table for table in tables or all_tables() if table.member_link]


def member_root(tables=None) -> Table:
    """The table of members themselves (the one whose member link is its own id)."""
    return next(t for t in member_tables(tables) if t.member_link == "id")


def table(name: str, tables=None) -> Table:
    """The declared table called ``name``."""
    return next(t for t in tables or all_tables() if t.name == name)


def kept_for(table_name: str) -> timedelta | None:
    """How long the rows of a table are kept after their reference date ("N days after")."""
    return parse_retention(table(table_name).retention).period


def declared(tables=None) -> dict[str, set[str]]:
    """Declared tables and their columns, full-text indexes included."""
    found = {}
    for table in tables or all_tables():
        found[table.name] = {column.name for column in table.columns}
        if table.search:
            found[table.search_table] = set(table.search)
    return found


def is_internal(table_name: str, tables=None) -> bool:
    """SQLite's own bookkeeping tables (statistics, autoincrement) and the shadow tables of a
    declared full-text index, which hold no data of ours beyond the index itself."""
    if table_name.startswith("sqlite_"):
        return True
    indexes = {t.search_table for t in tables or all_tables() if t.search}
    return any(table_name == index + shadow for index in indexes for shadow in FTS5_SHADOWS)


def live_schema(db, tables=None) -> dict[str, set[str]]:
    """Tables and columns that the database really has."""
    tables = tables or all_tables()
    return {
        name: {column.name for column in db.table(name).columns}
        for name in db.table_names()
        if not is_internal(name, tables)
    }


def differences(db, tables=None) -> list[str]:
    """Everything that differs between the live schema and the inventory, one line each."""
    tables = tables or all_tables()
    return compare(live_schema(db, tables), declared(tables))


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


def check_declarations(tables=None) -> list[str]:
    """Mistakes inside the inventory itself: bad rules, unknown roles, impossible flags."""
    problems = []
    tables = tables or all_tables()
    names = [t.name for t in tables]
    problems += [f"{name}: declared twice" for name in sorted(set(names))
                 if names.count(name) > 1]
    folders = [c.file_folder for t in tables for c in t.file_columns]
    problems += [f"file folder {folder} is used by two columns" for folder in sorted(set(folders))
                 if folders.count(folder) > 1]
    for table in tables:
        problems += _check_table(table)
    return problems


def _check_table(table: Table) -> list[str]:
    problems = []
    for label, known in (("legal basis", LEGAL_BASES), ("people", PEOPLE)):
        value = table.legal_basis if label == "legal basis" else table.people
        if value not in known:
            problems.append(f"{table.name}: unknown {label} {value!r}")
    names = {column.name for column in table.columns}
    for column in table.columns:
        problems += _check_column(table, column, names)
    if table.member_link and table.member_link not in names:
        problems.append(f"{table.name}: member link {table.member_link} is not a column")
    if table.on_member_erase not in ("delete", "unlink"):
        problems.append(f"{table.name}: on_member_erase must be delete or unlink")
    for column in table.search:
        if column not in names:
            problems.append(f"{table.name}: full-text index over unknown column {column}")
    if (table.search or table.file_columns) and "id" not in names:
        problems.append(f"{table.name}: an index or files need an integer id column")
    return problems


def _check_column(table: Table, column: Column, names: set[str]) -> list[str]:
    problems = []
    where = f"{table.name}.{column.name}"
    try:
        rule = table.retention_of(column)
    except ValueError as error:
        return [f"{where}: {error}"]
    if rule.kind == "after" and rule.column not in names:
        problems.append(f"{where}: retention counts from unknown column {rule.column}")
    unknown = set(table.readers_of(column)) - ROLES.keys()
    if unknown:
        problems.append(f"{where}: unknown readers {sorted(unknown)}")
    if column.sensitive and not column.personal:
        problems.append(f"{where}: sensitive data is always personal data")
    if column.personal and table.legal_basis == "not_personal":
        problems.append(f"{where}: personal column in a table declared not personal")
    if column.file_folder and not column.file_folder.isidentifier():
        problems.append(f"{where}: file folder must be a plain folder name")
    if column.screened:
        if f"{column.name}_flags" not in names:
            problems.append(f"{where}: screened text needs a {column.name}_flags column")
        flagged = column.flagged_retention and parse_retention(column.flagged_retention)
        if not flagged or flagged.kind != "after" or flagged.column not in names:
            problems.append(f"{where}: screened text needs a flagged_retention "
                            "'N days after <column>' of its table")
    return problems


def init_app(app) -> None:
    """Give templates the retention periods, so pages say what the purge really does."""
    app.jinja_env.globals["kept_for"] = kept_for
