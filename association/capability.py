"""The shape every capability package declares, and what the factory collects from them.

A capability (volunteers, members, public, grievances...) is a package whose ``__init__.py``
holds ``CAPABILITY = Capability(...)``: its blueprints, its tables in the inventory, its
schema changes, its scheduled jobs, its audit actions and how the log names its records, its
messages to members, its demo content, its entries in the navigation, its sections of the
personal space and of the home page, the boxes it lends to communiqués and its notices on the
volunteers' dashboard. The factory lists the packages once (``CAPABILITIES`` in
``association/__init__.py``); everything else (the inventory, the jobs, the audit actions,
``demo --remove``) is derived from what they declare, so adding a capability edits no
central list.

The shared core never imports a capability: it reads the declarations through
``installed()`` at run time.

The declaration's fields are grouped by who reads them: ``Schema`` (the inventory, the
migrations, the purge and the restore), ``Pages`` (the factory and the navigation),
``MemberSpace`` (the personal space and the mail queue), ``Audit`` (the log) and ``Lends``
(pages of other capabilities and of the core: what the package's hooks.py provides), with the
name, the jobs and the demo loader beside them. Why frozen dataclass groups rather than pluggy
hooks for the fields that have one user: a declaration stays plain data, written in one
place (``__init__.py``), that a test can read field by field (tests/test_house.py checks that
every function a capability lends lives in its hooks.py); a pluggy hook would add a plugin
manager, hook specifications and registration order for no second implementation, and would
hide from ``__init__.py`` what the package gives.
"""
from dataclasses import dataclass, field
from typing import Callable

from flask import current_app

EXTENSION = "amicale"


# Audiences of the public site's links, each drawn in its place by templates/base.html:
# "public" the header's menu, "way_in" the header's link into the volunteer area (for a
# signed-in account), "footer" the footer's links. Any other audience is the volunteer area's bar.
SITE_AUDIENCES = frozenset({"public", "way_in", "footer"})


@dataclass(frozen=True)
class NavEntry:
    """A link in a navigation bar: an endpoint, its label, and who sees it."""

    endpoint: str
    label: object
    # One of SITE_AUDIENCES: a place on the public site; otherwise the volunteer area's bar,
    # for these roles ("signed_in" for every account, or role names; admins see every entry).
    audience: tuple[str, ...] = ("signed_in",)
    # Marked current on every page of the endpoint's blueprint, not only on its own page.
    section: bool = False
    # ... or on every page of these blueprints (the volunteer area's way in).
    blueprints: tuple[str, ...] = ()

    def is_current(self, endpoint: str | None, blueprint: str | None) -> bool:
        """Whether the page being shown is this entry's (for ``aria-current``)."""
        if blueprint is not None and blueprint in self.blueprints:
            return True
        if self.section:
            return blueprint == self.endpoint.split(".")[0]
        return endpoint == self.endpoint


@dataclass(frozen=True)
class MemberSection:
    """A section of the personal space: a template included with what ``context(db, member)``
    returns (nothing is drawn when it returns None)."""

    template: str
    context: Callable


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page (latest communiqués, upcoming actions...): a template
    included with what ``context(db)`` returns. Nothing is drawn when it returns None, so the
    home page shows a list only when there is something in it. ``first``: a way in to the
    site's main jobs (report a problem), drawn before the explanations."""

    template: str
    context: Callable
    first: bool = False


@dataclass(frozen=True)
class DraftSource:
    """Records a communiqué can start from (an action that took place...): ``recent(db)``
    lists ``(id, label)`` pairs to choose from, ``draft(db, id)`` gives ``{"title", "body"}``
    (the body in Markdown) or None when that record cannot start one."""

    label: object
    recent: Callable
    draft: Callable


@dataclass(frozen=True)
class Schema:
    """What a capability keeps: its tables in the inventory, its own migration set, and how the
    purge and a restore treat its records."""

    tables: tuple = ()  # inventory.Table
    migrations: object | None = None  # a sqlite_utils.Migrations set of its own
    # SQL conditions on the members table under which a member has an open item here (an
    # open grievance...): such a member is kept whatever their inactivity, and so is their
    # contact address (retention.purge).
    member_keeps: tuple[str, ...] = ()
    # Functions of (db) run after a backup is restored, to apply again what happened since it
    # was made (the members' erasure journal...); each returns what it did, for the log.
    after_restore: tuple = ()


@dataclass(frozen=True)
class Pages:
    """What a capability shows: its blueprints (views.py, volunteer_views.py), its entries in
    the navigation, and what it registers on the app (commands, template helpers)."""

    blueprints: tuple = ()
    nav: tuple[NavEntry, ...] = ()
    init_app: Callable | None = None


@dataclass(frozen=True)
class MemberSpace:
    """What a capability adds to members' lives: sections of the personal space, messages to
    members, and what a key's confirmation brings in."""

    sections: tuple[MemberSection, ...] = ()
    messages: dict = field(default_factory=dict)  # outbox message kind -> composer()
    # Functions of (db, member_id) run inside the transaction that confirms a member's key
    # (members.keys.confirm): counters that only confirmed keys move take the member's
    # records in (a campaign's results).
    key_confirmed: tuple = ()


@dataclass(frozen=True)
class Audit:
    """How the audit log speaks of a capability's doings: its actions, its kinds of record,
    and the names of its records."""

    actions: dict = field(default_factory=dict)  # action -> label
    object_types: dict = field(default_factory=dict)  # kind of record -> label
    # kind -> names(db, ids) -> {id: name}; ids are strings, as the log stores them.
    object_names: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Lends:
    """What a capability lends to pages that are not its own (its hooks.py)."""

    home_sections: tuple[HomeSection, ...] = ()
    # Sections of a building's page in the volunteer area: (template, context(db, building)).
    building_sections: tuple[MemberSection, ...] = ()
    notices: Callable | None = None  # notices(db, volunteer) -> list of texts, dashboard
    # What deleting a record of the core would touch in this capability, for the "are you
    # sure?" pages: kind of record ("building", "landlord") -> uses(db, id) -> list of texts.
    uses: dict = field(default_factory=dict)
    # ... and what forbids deleting it (kind -> blocks(db, id) -> list of reasons).
    blocks: dict = field(default_factory=dict)
    # Boxes drawn inside a communiqué: shortcode kind ("campagne" for [[campagne:slug]]) ->
    # draw(db, argument) -> safe HTML (Markup), or None if not found.
    embeds: dict = field(default_factory=dict)
    # What a communiqué can start from: kind ("action") -> DraftSource.
    draft_sources: dict = field(default_factory=dict)
    # Extra lines of the transparency report: transparency(db, months) -> list of
    # (label, {"YYYY-MM": count}), raw counts that the report makes publishable.
    transparency: Callable | None = None


@dataclass(frozen=True)
class Capability:
    """What a capability package declares (see the module's docstring)."""

    name: str
    schema: Schema = Schema()
    pages: Pages = Pages()
    member_space: MemberSpace = MemberSpace()
    audit: Audit = Audit()
    lends: Lends = Lends()
    jobs: tuple = ()  # jobs.Job
    demo: Callable | None = None  # load(db) -> list of lines to print; idempotent


def install(app, capabilities) -> None:
    """Keep the app's capabilities where the core finds them, and register their parts."""
    app.extensions[EXTENSION] = tuple(capabilities)
    entries = collect("pages.nav", app)
    for audience, name in (("public", "site_nav"), ("way_in", "way_in_nav"), ("footer", "footer_nav")):
        app.jinja_env.globals[name] = [entry for entry in entries if audience in entry.audience]
    for capability in capabilities:
        for blueprint in capability.pages.blueprints:
            app.register_blueprint(blueprint)
        if capability.pages.init_app:
            capability.pages.init_app(app)


def installed(app=None) -> tuple[Capability, ...]:
    """The capabilities of the running app (or of ``app``), in the factory's order."""
    return (app or current_app).extensions.get(EXTENSION, ())


def uses_of(kind: str, db, record_id) -> list:
    """What deleting this record would touch, in every capability, as readable lines."""
    lines = []
    for capability in installed():
        if kind in capability.lends.uses:
            lines += capability.lends.uses[kind](db, record_id)
    return lines


def sections(attribute: str, db, record) -> list[tuple[str, dict]]:
    """The (template, context) pairs of every capability's sections of one page kind
    (``member_space.sections``, ``lends.building_sections``...); a section whose context is
    None is left out."""
    found = []
    for section in collect(attribute):
        context = section.context(db, record)
        if context is not None:
            found.append((section.template, context))
    return found


def blocks_of(kind: str, db, record_id) -> list:
    """Why a record cannot be deleted, in every capability (empty: it can)."""
    reasons = []
    for capability in installed():
        if kind in capability.lends.blocks:
            reasons += capability.lends.blocks[kind](db, record_id)
    return reasons


def collect(attribute: str, app=None) -> list:
    """Every capability's declarations of one kind, in order (tuples joined, dicts merged
    into a list of items). ``attribute`` names a field of a group, "group.field"
    ("lends.embeds", "schema.tables"), or a field of the capability itself ("jobs")."""
    found = []
    for capability in installed(app):
        value = capability
        for part in attribute.split("."):
            value = getattr(value, part)
        if value is None:
            continue
        found.extend(value.items() if isinstance(value, dict) else value)
    return found
