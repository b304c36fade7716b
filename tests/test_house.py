"""The house: one shape for capability packages, dependencies one way, and the inventory
features capabilities rely on (encrypted, full-text and file-backed columns, demo rows, the
purge's time zone), each shown on a scratch capability declared here and nowhere else."""
import ast
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from flask import Blueprint
from flask_babel import lazy_gettext as _l
from sqlite_utils import Migrations

from flask_login import current_user

from association import CAPABILITIES, audit, crypto, demo, inventory, jobs, privacy, search
from association.capability import (Audit, Capability, HomeSection, Lends, MemberSection, MemberSpace,
                                    NavEntry, Pages, Schema)
from association.db import connect, get_db, row_or_none
from association.inventory import Column, Table
from association.members import keys, records
from association.volunteers import role_required
from conftest import Clock, Volunteers, csrf_token, database_bytes, make_app

PACKAGE = Path(__file__).resolve().parent.parent / "association"

# --- dependencies run one way --------------------------------------------------------------

def _capability_packages() -> set[str]:
    return {path.parent.name for path in PACKAGE.glob("*/__init__.py")
            if "CAPABILITY = Capability(" in path.read_text()}


def _imports(path: Path) -> list[str]:
    """The association modules a file imports, as dotted names relative to the package."""
    here = path.relative_to(PACKAGE).with_suffix("").parts
    package = here[:-1] if here[-1] != "__init__" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[:len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
                names = [target + [alias.name] for alias in node.names]
            elif node.module and node.module.startswith("association"):
                target = node.module.split(".")[1:]
                names = [target + [alias.name] for alias in node.names]
            else:
                continue
            found += [".".join(t) for t in [target] + names if t]
        elif isinstance(node, ast.Import):
            found += [a.name.split(".", 1)[1] for a in node.names
                      if a.name.startswith("association.")]
    return found


def test_dependencies_run_one_way():
    """The shared core imports no capability; a capability imports another only through its
    package (its ``__init__``), never its private modules. The factory is the one place that
    names them all."""
    capabilities = _capability_packages()
    assert {"volunteers", "members", "public"} <= capabilities
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative == Path("__init__.py") or relative.parts[0] in ("translations", "data"):
            continue
        owner = relative.parts[0] if len(relative.parts) > 1 else None
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] not in capabilities or parts[0] == owner:
                continue
            if owner not in capabilities:
                problems.append(f"core module {relative} imports capability {name}")
            elif len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[0] / f"{parts[1]}.py")
                                    .exists()):
                problems.append(f"{relative} imports {name}, private to {parts[0]}")
    assert problems == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_edges() -> dict[str, set[str]]:
    """Which package module imports which, wherever the import stands (a function-level
    import is still a dependency): ``from . import x`` depends on the module ``x``, not on
    the package's ``__init__``."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")
             if path.relative_to(PACKAGE).parts[0] not in ("translations", "data")}
    edges = {}
    for name, path in paths.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + (node.module.split(".") if node.module else []))
                modules = {f"{target}.{a.name}".strip(".") for a in node.names} & paths.keys()
                found |= modules
                if len(modules) < len(node.names) and target in paths:
                    found.add(target)
        edges[name] = found - {name}
    return edges


def test_the_import_graph_has_no_circle():
    """No module depends on itself through others: each can be read (and loaded) after what
    it imports (the erasure journal and the member's records imported each other)."""
    edges = _module_edges()
    circles, done = [], set()

    def walk(name, path):
        if name in path:
            circles.append(" -> ".join(path[path.index(name):] + [name]))
            return
        if name in done:
            return
        for after in sorted(edges.get(name, ())):
            walk(after, path + [name])
        done.add(name)

    for name in sorted(edges):
        walk(name, [])
    assert circles == []


# --- a scratch capability -------------------------------------------------------------------

scratch_migrations = Migrations("scratch")


@scratch_migrations()
def m001_notes(db):
    """A table of notes with every feature the inventory offers."""
    db.execute("create table notes (id integer primary key autoincrement, member_id integer "
               "references members(id), building_id integer, created_at text not null, "
               "text text, text_flags text, secret text, photo text, "
               "is_demo integer not null default 0)")
    search.create_index(db, NOTES)


NOTES = Table(
    "notes", "notes for the test", legal_basis="legitimate_interest", people="members",
    retention="30 days after created_at", readers=("volunteer",), member_link="member_id",
    search=("text",),
    columns=(
        Column("id", "row"), Column("member_id", "member", personal=True),
        Column("building_id", "building"), Column("created_at", "when"),
        Column("text", "what", personal=True, screened=True,
               flagged_retention="10 days after created_at"),
        Column("text_flags", "flags", personal=True),
        Column("secret", "encrypted", personal=True, encrypted=True),
        Column("photo", "a file", personal=True, file_folder="scratch_photos"),
        Column("is_demo", "demo"),
    ),
)

scratch_bp = Blueprint("scratch", __name__, url_prefix="/scratch")


@scratch_bp.get("/")
def scratch_page():
    """The scratch capability's one page."""
    return "scratch"


@scratch_bp.get("/notes/<int:note_id>")
@role_required("volunteer")
def scratch_note(note_id):
    """One note, read on a need-to-know basis."""
    db = get_db()
    note = privacy.need_to_know(db, current_user, "note", row_or_none(db, "notes", note_id))
    return note["text"]


def _scratch_demo(db):
    if not db.table("notes").count_where("is_demo = 1"):
        db.table("notes").insert({"created_at": "2026-11-01T00:00:00+00:00",
                                  "text": "demo note", "is_demo": 1})
        return ["scratch demo loaded"]
    return []


def _scratch_job(db, today):
    return {"ran": today.isoformat()}


SCRATCH = Capability(
    name="scratch",
    schema=Schema(tables=(NOTES,), migrations=scratch_migrations),
    pages=Pages(blueprints=(scratch_bp,), nav=(NavEntry("scratch.scratch_page", "Scratch notes"),)),
    member_space=MemberSpace(sections=(MemberSection(
        "members/scratch_section.html", lambda db, member: {"count": db.table("notes").count_where(
            "member_id = ?", [member["id"]])}),)),
    audit=Audit(actions={"scribble": _l("scribbled")}, object_types={"note": _l("note")},
                object_names={"note": lambda db, ids: {str(row["id"]): row["text"] for row in db.query(
                    "select id, text from notes")}}),
    lends=Lends(notices=lambda db, volunteer: ["scratch needs you"],
                home_sections=(HomeSection("public/scratch_home.html",
                                           lambda db: {"count": n} if (n := db.table("notes").count)
                                           else None),)),
    jobs=(jobs.Job("scratch-job", _scratch_job, "a job of the scratch capability"),),
    demo=_scratch_demo,
)


@pytest.fixture
def scratch(tmp_path):
    """An app with the scratch capability added to the usual ones, and its database. Its
    templates live in the app's own loader, not in the repository's folder (the suite's
    workers run side by side)."""
    from jinja2 import ChoiceLoader, DictLoader

    app = make_app(tmp_path / "instance", CAPABILITIES=CAPABILITIES + (SCRATCH,))
    app.jinja_env.loader = ChoiceLoader([DictLoader({
        "members/scratch_section.html":
            "<section><h2>Scratch</h2><p>notes: {{ section.count }}</p></section>",
        "public/scratch_home.html":
            "<section><h2>Latest notes</h2><p>{{ section.count }} notes</p></section>"}),
        app.jinja_env.loader])
    app.config["CLOCK"] = Clock()
    db = connect(app.config["DATABASE"])
    yield app, db
    db.close()


def test_a_capability_registers_itself_without_a_central_list(scratch):
    """The scratch capability's table, job, audit action, route, demo row, navigation entry,
    member section, home section and dashboard notice all arrive from its declaration
    alone; the home section only once there is something in it."""
    app, db = scratch
    assert "Latest notes" not in app.test_client().get("/").get_data(as_text=True)
    with app.app_context():
        assert "notes" in inventory.declared() and inventory.differences(db) == []
        assert inventory.check_declarations() == []
        assert "scratch-job" in [job.id for job in jobs.all_jobs()]
        audit.record(db, None, "scribble", "note", 1)
        assert str(audit.action_label("scribble")) == "scribbled"
        assert demo.load(db)[1][-1] == "scratch demo loaded"
    assert app.test_client().get("/scratch/").get_data(as_text=True) == "scratch"
    home = app.test_client().get("/").get_data(as_text=True)
    # In the capabilities' order (communiqués come first); a context of None draws nothing.
    assert home.count("Latest notes") == 1
    assert home.index('id="communiques-title"') < home.index("1 notes")
    assert "notes" in [t["name"] for t in app.test_client().get("/donnees.json").get_json()
                       ["tables"]]
    helper = Volunteers(app)
    account = helper.create("scratcher", "admin")
    client = app.test_client()
    helper.login(client, account)
    dashboard = client.get("/benevoles/").get_data(as_text=True)
    assert "Scratch notes" in dashboard and "scratch needs you" in dashboard
    member = app.test_client()
    member.post("/membre/nouvelle-cle", data={"csrf_token": csrf_token(member, "/membre/")})
    assert "notes: 0" in member.get("/membre/").get_data(as_text=True)
    assert "1 notes" in app.test_client().get("/").get_data(as_text=True)  # the demo note


def test_the_log_names_a_capabilitys_records(scratch):
    """A capability's ``object_names`` name its records in the audit log when it is shown."""
    app, db = scratch
    note = db.table("notes").insert({"created_at": "2026-11-01T00:00:00+00:00",
                                     "text": "boiler"}).last_pk
    with app.test_request_context("/?lang=en"):
        audit.record(db, None, "scribble", "note", note)
        audit.record(db, None, "scribble", "note", note + 1)
        rows = audit.describe(db, list(db.query("select * from audit_log order by id")))
    assert [row["record"] for row in rows] == ["note “boiler”", f"note {note + 1} (deleted)"]


def test_a_home_section_without_its_tables_is_left_out(tmp_path):
    """Before ``init-db`` has created a capability's tables, the home page still answers,
    without that section (gunicorn's readiness is checked on it)."""
    from association import create_app

    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "fresh"),
                      "SECRET_KEY": "x" * 40, "SCHEDULER": "off"})
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert 'id="communiques-title"' not in response.get_data(as_text=True)


def test_demo_remove_follows_the_marker(scratch):
    """``demo --remove`` deletes the scratch capability's demo rows too: no list of tables."""
    app, db = scratch
    with app.app_context():
        demo.load(db)
        own = db.table("notes").insert({"created_at": "2026-11-01T00:00:00+00:00",
                                        "text": "our own note"}).last_pk
        removed = demo.unload(db)
        assert removed["notes"] == 1
        assert [row["id"] for row in db.table("notes").rows] == [own]


def _member_with_a_note(app, db, text="fuite sous l'évier", photo=None):
    member_id, _ = keys.create(db)
    note = db.table("notes").insert({
        "member_id": member_id, "created_at": datetime(2026, 11, 1, tzinfo=timezone.utc)
        .isoformat(timespec="seconds"), "text": text, "secret": crypto.encrypt("code 1234"),
        "photo": photo}).last_pk
    return member_id, note


def _photo(app, name="0" * 32 + ".jpg") -> Path:
    folder = Path(app.instance_path) / "scratch_photos"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(b"photo bytes")
    return folder / name


def test_encrypted_column_is_decrypted_in_the_export(scratch):
    """A column declared encrypted is shown in clear in the member's export."""
    app, db = scratch
    with app.app_context():
        member_id, _ = _member_with_a_note(app, db)
        exported = records.export(db, member_id)
        assert exported["tables"]["notes"][0]["secret"] == "code 1234"


def test_full_text_index_follows_its_table(scratch):
    """The index's shadow tables are accepted by the schema check; searching finds a note;
    erasing the member removes it from the index and its words from the file."""
    app, db = scratch
    with app.app_context():
        member_id, note = _member_with_a_note(app, db, text="moisissure derrière l'armoire")
        query = search.match_query("moisissure armoire")
        found = [row["rowid"] for row in db.query(
            "select rowid from notes_fts where notes_fts match ?", [query])]
        assert found == [note]
        assert inventory.differences(db) == []
        records.erase(db, member_id)
        assert list(db.query("select rowid from notes_fts where notes_fts match ?", [query])) == []
        assert b"armoire" not in database_bytes(app)


@pytest.mark.parametrize("typed", ['"', "NEAR(", "a:b", "*", "AND OR NOT", "(((", "'"])
def test_match_query_never_fails(scratch, typed):
    """Whatever is typed, the query is valid FTS5 (or nothing to search)."""
    app, db = scratch
    with app.app_context():
        query = search.match_query(typed)
        if query:
            db.execute("select rowid from notes_fts where notes_fts match ?", [query]).fetchall()


def test_file_backed_column_goes_with_its_row(scratch):
    """Erasure and retention delete the files a row names; the export counts them."""
    app, db = scratch
    with app.app_context():
        photo = _photo(app)
        member_id, _ = _member_with_a_note(app, db, photo=photo.name)
        assert records.export(db, member_id)["files"] == {"notes": 1}
        records.erase(db, member_id)
        assert not photo.exists()

        kept = _photo(app, "1" * 32 + ".jpg")
        _member_with_a_note(app, db, photo=kept.name)
        outcome = jobs.retention_purge(db, date(2026, 12, 15))
        assert outcome["purged"]["notes"] == 1 and not kept.exists()


def test_flagged_text_goes_sooner(scratch):
    """Confirmed flagged text is emptied after its shorter rule; its flags stay, and the
    words leave the index and the file."""
    app, db = scratch
    with app.app_context():
        _, note = _member_with_a_note(app, db, text="il est alcoolique")
        db.table("notes").update(note, {"text_flags": "judgement"})
        _, plain = _member_with_a_note(app, db, text="fuite sous l'évier")
        outcome = jobs.retention_purge(db, date(2026, 11, 15))
        assert outcome["cleared"] == {"notes.text (flagged)": 1}
        assert db.table("notes").get(note)["text"] is None
        assert db.table("notes").get(note)["text_flags"] == "judgement"
        assert db.table("notes").get(plain)["text"] == "fuite sous l'évier"
        assert b"alcoolique" not in database_bytes(app)


@pytest.mark.parametrize(("zone", "stamp", "kept"), [
    ("Europe/Paris", "2026-10-30T20:00:00+00:00", False),      # midnight is 23:00 UTC
    ("Pacific/Auckland", "2026-10-30T20:00:00+00:00", True),   # midnight is 11:00 UTC
    ("Europe/Paris", "2026-10-31T03:00:00+00:00", True),
    ("America/Los_Angeles", "2026-10-31T03:00:00+00:00", False),  # midnight is 07:00 UTC
])
def test_purge_counts_days_in_the_associations_time_zone(tmp_path, zone, stamp, kept):
    """"30 days after" ends at midnight in the association's time zone (AMICALE_TIMEZONE):
    on 30 Nov, rows from before 31 Oct 00:00 local time go."""
    app = make_app(tmp_path / "i", TIMEZONE=zone, CAPABILITIES=CAPABILITIES + (SCRATCH,))
    db = connect(app.config["DATABASE"])
    with app.app_context():
        db.table("notes").insert({"created_at": stamp, "text": "x"})
        jobs.retention_purge(db, date(2026, 11, 30))
    assert (db.table("notes").count == 1) is kept
    db.close()


def test_need_to_know_checks_the_scope_and_logs_the_read(scratch):
    """A volunteer reads a note of their building (logged with the member, who sees it);
    a note of another building answers 404, like one that does not exist, and is not logged."""
    app, db = scratch
    building, other = (db.table("buildings").insert({"name": n}).last_pk for n in "AB")
    with app.app_context():
        member_id, _ = keys.create(db)
    mine = db.table("notes").insert({"member_id": member_id, "building_id": building,
                                     "created_at": "2026-11-01T00:00:00+00:00",
                                     "text": "fuite"}).last_pk
    theirs = db.table("notes").insert({"member_id": member_id, "building_id": other,
                                       "created_at": "2026-11-01T00:00:00+00:00",
                                       "text": "ailleurs"}).last_pk
    helper = Volunteers(app)
    account = helper.create("reader", "volunteer", [building])
    client = app.test_client()
    helper.login(client, account)
    assert client.get(f"/scratch/notes/{mine}").get_data(as_text=True) == "fuite"
    assert client.get(f"/scratch/notes/{theirs}").status_code == 404
    assert client.get("/scratch/notes/99999").status_code == 404
    reads = list(db.query("select object_id, member_id, volunteer_login from audit_log "
                          "where action = 'read'"))
    assert reads == [{"object_id": str(mine), "member_id": member_id,
                      "volunteer_login": "reader"}]
