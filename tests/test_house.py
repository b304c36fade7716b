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


# --- one file name per role ------------------------------------------------------------------
#
# In every capability package, a file's name says its role:
#   __init__.py         the table of contents: a docstring, imports, re-exported faces and
#                       CAPABILITY = Capability(...); no def, no class, no lambda
#   views.py            the public and member pages' blueprint(s)
#   volunteer_views.py  the volunteer pages' blueprint(s)
#   forms.py tables.py migrations.py demo.py commands.py (command-line commands)
#   labels.py           what the interface calls things: labels, navigation entries, audit
#                       labels, and the template globals for them
#   hooks.py            what the package lends: every function in Lends, member sections,
#                       object names
#   <noun>.py           a model module, named after what it is about (cases.py, trackers.py)
# volunteers/, whose pages are all volunteer pages, splits them by audience instead: views.py
# (every account: sign-in, dashboard, own account) and admin_views.py (administrators).
# A noun module defines no blueprint, form, inventory table or migration set (checked below),
# and does not take a name that says a role in another way (ROLE_LIKE).

VIEW_FILES = {"views.py", "volunteer_views.py"}
VIEW_FILES_OF = {"volunteers": {"views.py", "admin_views.py"}}
ROLE_LIKE = {"helpers.py", "utils.py", "common.py", "misc.py", "messages.py", "member.py",
             "admin.py", "manage.py", "desk.py", "setup.py", "editing.py", "embed.py",
             "notices.py", "home.py", "pages.py", "models.py", "routes.py"}


def _package_files():
    for name in sorted(_capability_packages()):
        for path in sorted((PACKAGE / name).glob("*.py")):
            yield name, path


def _calls(tree, callee: str) -> list[int]:
    """Lines where ``callee(...)`` is called (by its bare or attribute name)."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call) and (
        getattr(node.func, "id", None) == callee or getattr(node.func, "attr", None) == callee)]


def test_each_role_has_its_file_name():
    """Blueprints only in views files, inventory tables only in tables.py, a migration set
    only in migrations.py, forms only in forms.py, no file named like a role it does not
    play."""
    problems = []
    for package, path in _package_files():
        tree = ast.parse(path.read_text())
        where = f"{package}/{path.name}"
        if _calls(tree, "Blueprint") and path.name not in VIEW_FILES_OF.get(package, VIEW_FILES):
            problems.append(f"{where} defines a blueprint")
        if _calls(tree, "Table") and path.name != "tables.py":
            problems.append(f"{where} declares an inventory table")
        if _calls(tree, "Migrations") and path.name != "migrations.py":
            problems.append(f"{where} makes a migration set")
        forms = [node.name for node in tree.body if isinstance(node, ast.ClassDef) and any(
            getattr(base, "id", getattr(base, "attr", "")).endswith("Form") for base in node.bases)]
        if forms and path.name != "forms.py":
            problems.append(f"{where} defines forms {forms}")
        if path.name in ROLE_LIKE or (path.name.endswith("_views.py")
                                      and path.name not in VIEW_FILES_OF.get(package, VIEW_FILES)):
            problems.append(f"{where}: a role's name outside the house's list")
    assert problems == []


def test_init_is_a_table_of_contents():
    """A capability's ``__init__.py`` declares; it defines nothing."""
    problems = []
    for package in sorted(_capability_packages()):
        tree = ast.parse((PACKAGE / package / "__init__.py").read_text())
        assert ast.get_docstring(tree), package
        problems += [f"{package}: {type(node).__name__} at line {node.lineno}"
                     for node in ast.walk(tree)
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                          ast.Lambda))]
    assert problems == []


def _lent(capability) -> list:
    """Every function a capability lends (what hooks.py holds)."""
    lends, space = capability.lends, capability.member_space
    found = [section.context for section in
             lends.home_sections + lends.building_sections + space.sections]
    found += [lends.notices, lends.transparency]
    found += [*lends.uses.values(), *lends.blocks.values(), *lends.embeds.values(),
              *capability.audit.object_names.values()]
    return [function for function in found if function is not None]


def test_what_a_capability_lends_lives_in_its_hooks():
    """The functions of Lends, member sections and object names are in the package's
    hooks.py; its draft sources are declared there; its demo loader is demo.py's, and what it
    registers on the app is labels.py's or hooks.py's."""
    import importlib

    problems = []
    for package in sorted(_capability_packages()):
        module = importlib.import_module(f"association.{package}")
        capability = module.CAPABILITY
        for function in _lent(capability):
            if function.__module__ != f"association.{package}.hooks":
                problems.append(f"{package} lends {function.__qualname__} from {function.__module__}")
        if capability.lends.draft_sources:
            hooks = importlib.import_module(f"association.{package}.hooks")
            for kind, source in capability.lends.draft_sources.items():
                if not any(value is source for value in vars(hooks).values()):
                    problems.append(f"{package}: draft source {kind} not declared in hooks.py")
        if capability.demo and capability.demo.__module__ != f"association.{package}.demo":
            problems.append(f"{package}: demo loader in {capability.demo.__module__}")
        if capability.pages.init_app and capability.pages.init_app.__module__ not in (
                f"association.{package}.labels", f"association.{package}.hooks"):
            problems.append(f"{package}: init_app in {capability.pages.init_app.__module__}")
        if capability.schema.migrations is not None:
            assert (PACKAGE / package / "migrations.py").exists(), package
    assert problems == []


def test_the_foundation_loads_first_with_its_own_migrations():
    """Volunteers and members load before the domain capabilities (after public, whose
    entries open the site's menu and which declares no table), and each has its own migration
    set."""
    import importlib

    assert list(CAPABILITIES[:3]) == ["public", "volunteers", "members"]
    for name in CAPABILITIES[1:3]:
        capability = importlib.import_module(f"association.{name}").CAPABILITY
        assert capability.schema.migrations is not None
        assert capability.schema.migrations.name == capability.name


def test_the_public_sites_links_come_from_declarations():
    """The site's header, its way into the volunteer area and its footer list declared
    entries; base.html names no endpoint but the home page's."""
    import importlib
    import re

    base = (PACKAGE.parent / "templates" / "base.html").read_text()
    assert set(re.findall(r"url_for\('([a-z_]+\.[a-z_]+)'", base)) == {"public.home"}
    audiences = {audience for name in CAPABILITIES for entry in importlib.import_module(
        f"association.{name}").CAPABILITY.pages.nav for audience in entry.audience}
    assert {"public", "way_in", "footer"} <= audiences


# --- the core's layers -----------------------------------------------------------------------

def _layers() -> dict[str, list[str]]:
    """The layers of association/LAYOUT.md: layer -> the modules listed on its line."""
    import re

    found = {}
    for line in (PACKAGE / "LAYOUT.md").read_text().splitlines():
        match = re.match(r"- \*\*(\w+)\*\*: (.*)", line)
        if match:
            found[match.group(1)] = re.findall(r"`([\w/]+(?:\.py)?)`", match.group(2))
    return found


def test_every_core_module_is_in_one_layer():
    """LAYOUT.md lists every core module (and the inventory package) in exactly one layer,
    and nothing that is not there."""
    listed = [name for names in _layers().values() for name in names]
    core = sorted([p.name for p in PACKAGE.glob("*.py")] + ["inventory/"])
    assert len(listed) == len(set(listed))
    assert sorted(listed) == core


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
