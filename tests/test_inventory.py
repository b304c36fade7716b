"""Declared or absent: the live schema and the inventory must agree (DESIGN rule 1)."""
import pytest

from association import inventory
from association.inventory import parse_retention


def test_schema_matches_inventory(ctx, db):
    """Every table and column in the database is declared, and every declaration exists."""
    assert inventory.differences(db) == []


def test_inventory_is_well_formed(ctx):
    """Retention rules parse, readers are known roles, sensitive implies personal."""
    assert inventory.check_declarations() == []


def test_undeclared_column_fails(ctx, db):
    """A scratch migration adding a column nobody declared is named as a difference."""
    db.table("buildings").add_column("caretaker_name", str)
    assert inventory.differences(db) == [
        "column buildings.caretaker_name is in the database but not declared"
    ]


def test_undeclared_table_fails(ctx, db):
    """A new table nobody declared is named as a difference."""
    db.table("notes").create({"id": int, "text": str}, pk="id")
    assert inventory.differences(db) == [
        "table notes is in the database but not declared in the inventory"
    ]


def test_declared_but_absent_fails(ctx, db):
    """A declared column missing from the database is named too."""
    db.table("buildings").transform(drop={"street_address"})
    assert inventory.differences(db) == [
        "column buildings.street_address is declared but absent from the database"
    ]


def test_init_db_refuses_an_undeclared_column(runner, db):
    """init-db fails loudly, naming the column, when the schema holds undeclared data."""
    db.table("landlords").add_column("notes", str)
    result = runner.invoke(args=["init-db"])
    assert result.exit_code != 0
    assert "column landlords.notes is in the database but not declared" in result.output


@pytest.mark.parametrize(("rule", "expected"), [
    ("keep", inventory.Retention("keep")),
    ("30 days after created", inventory.Retention("after", days=30, column="created")),
    ("1 day after last_seen", inventory.Retention("after", days=1, column="last_seen")),
    ("until replaced", inventory.Retention("until", event="replaced")),
])
def test_retention_rules_parse(rule, expected):
    """The three forms of retention rule are understood."""
    assert parse_retention(rule) == expected


@pytest.mark.parametrize("rule", [
    "forever", "30 days", "days after created", "until", "until the end of time", "-3 days after x",
])
def test_bad_retention_rules_say_why(rule):
    """A rule outside the grammar is refused with the grammar in the message."""
    with pytest.raises(ValueError, match="is not one of 'keep'"):
        parse_retention(rule)


def test_check_catches_a_bad_declaration():
    """A retention counting from an unknown column and an unknown reader are both reported."""
    bad = inventory.Table(
        "things", "test", legal_basis="not_personal", people="none",
        retention="10 days after nowhere", readers=("public",),
        columns=(inventory.Column("id", "row"), inventory.Column("x", "x", readers=("caretaker",)),
                 inventory.Column("y", "y", sensitive=True)),
    )
    problems = inventory.check_declarations((bad,))
    assert "things.id: retention counts from unknown column nowhere" in problems
    assert "things.x: unknown readers ['caretaker']" in problems
    assert "things.y: sensitive data is always personal data" in problems
