"""CLI commands: demo content, and the documentation of every command."""
from pathlib import Path

from association import demo

ROOT = Path(__file__).resolve().parent.parent


def test_demo_loads_once(runner, db):
    """demo adds the association, a landlord and three buildings, all marked; twice is once."""
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and "demo content loaded" in first.output
    second = runner.invoke(args=["demo"])
    assert "already present" in second.output
    assert db.table("landlords").count == 1
    assert db.table("buildings").count == 3
    assert db.table("buildings").count_where("is_demo = 1") == 3
    landlord = next(db.table("landlords").rows)
    assert landlord["postal_address"] and landlord["dpo_email"]
    assert "démonstration" in db.table("association_settings").get(1)["name"]


def test_demo_if_empty_leaves_a_real_association_alone(runner, db):
    """With --if-empty, demo content is not added once the association is set up."""
    from association import reference as settings

    settings.save_association(db, "Amicale réelle", "1 rue Réelle", "a@example.org")
    result = runner.invoke(args=["demo", "--if-empty"])
    assert "not loaded" in result.output
    assert db.table("landlords").count == 0


def test_demo_banner_shows_on_demo_content(app, client, db):
    """A site running on demo content says so on every page."""
    with app.app_context():
        demo.load(db)
    page = client.get("/").get_data(as_text=True)
    assert "Démonstration" in page
    assert demo.DEMO_ASSOCIATION["name"] in page


def test_every_command_is_documented(app):
    """Each CLI command of ours is named in the README."""
    readme = (ROOT / "README.md").read_text()
    for name in ("init-db", "demo", "run-scheduler", "create-admin", "backup", "restore"):
        assert name in app.cli.commands
        assert f"flask --app app {name}" in readme, name


def test_every_setting_is_documented():
    """Each AMICALE_* setting is in the README's configuration table."""
    from association.config import DEFAULTS

    readme = (ROOT / "README.md").read_text()
    internal = {"LANGUAGES", "BABEL_DEFAULT_LOCALE", "BABEL_DEFAULT_TIMEZONE", "WTF_CSRF_TIME_LIMIT",
                "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_NAME"}
    for key in DEFAULTS.keys() - internal:
        assert f"AMICALE_{key}" in readme, key
    for key in ("AMICALE_SECRET_KEY", "AMICALE_INSTANCE_PATH"):
        assert key in readme


def test_demo_remove_deletes_only_demo_rows(runner, db):
    """demo --remove deletes the demo association, landlord, buildings and accounts, and
    leaves what the association added itself."""
    runner.invoke(args=["demo"])
    demo_landlord = next(db.table("landlords").rows)["id"]
    own = db.table("buildings").insert({"name": "Notre vrai bâtiment",
                                        "landlord_id": demo_landlord}).last_pk
    result = runner.invoke(args=["demo", "--remove"])
    assert result.exit_code == 0 and "demo content removed" in result.output
    assert [row["id"] for row in db.table("buildings").rows] == [own]
    assert db.table("landlords").count == 0
    assert db.table("volunteers").count_where("is_demo = 1") == 0
    assert db.table("association_settings").count == 0


def test_make_run_gives_the_served_address_to_the_demo_and_to_gunicorn():
    """``make run PORT=…`` serves links (poster, key card, invitations, feeds) naming the port
    it serves on: gunicorn gets the same AMICALE_BASE_URL default as the demo (issue 21)."""
    import subprocess  # nosec B404: make, with fixed arguments

    plan = subprocess.run(["make", "-n", "run", "PORT=5123", "HOST=127.0.0.9"], cwd=ROOT,  # nosec
                          capture_output=True, text=True, check=True).stdout
    served = [line for line in plan.splitlines() if "gunicorn" in line or " demo " in line]
    assert len(served) == 2
    for line in served:
        assert "AMICALE_BASE_URL=${AMICALE_BASE_URL:-http://127.0.0.9:5123}" in line, line
