"""The abuse suite (Hardening, item 3): the hostile-query sweep extended to bodies.

Every field of every form receives hostile inputs: XSS payloads, SQL and FTS5 syntax, long
and 1 MB strings, control characters, right-to-left overrides, invalid UTF-8, huge numbers,
far dates, the field missing or repeated. Each answer is not a 5xx, carries the security
headers and never echoes markup unescaped; a refused form changes nothing that was saved
(DESIGN rule 8), and what was saved before the sweep is still there, unchanged unless a form
that accepted the input changed it. In Chromium, no XSS payload of ``corpus/xss.txt`` saved
through the forms people use runs on the pages that show it.

Forms are found, not listed: every HTML page of the access table is opened by every visitor
who may open it, and every form there is swept, so forms added later are covered too.

The sweep is the same at every run: a fixed clock, every hostile value in every field, and
far dates with both ends of the day through the date and time fields together. It is shared
out over several tests (each visitor's forms in ``GROUPS`` groups, each on a world of its
own), so that the workers of ``make test`` share it.
"""
import functools
import io
import itertools
import re
import sqlite3
import threading
import traceback
import zlib
from datetime import datetime, timedelta, timezone
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, quote_plus, urlencode, urljoin, urlsplit

import pytest
from flask import got_request_exception
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.serving import make_server
from werkzeug.test import encode_multipart

from association.db import connect
from association.inventory import all_tables
from conftest import Clock, Volunteers, add_building, make_app, make_world, new_member, report
from routes import ACCESS, EXPECTED, LAST, NOT_HTML, concrete, methods_of
from test_hardening import SECURITY_HEADERS

# --- the hostile corpus ------------------------------------------------------------------------

XSS_FILE = Path(__file__).parent / "corpus" / "xss.txt"


def xss_payloads() -> list[str]:
    """The XSS payloads of ``corpus/xss.txt`` ("\\n" and "\\t" stand for a newline, a tab)."""
    lines = XSS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n").replace("\\t", "\t") for line in lines
            if line.strip() and not line.startswith("#")]


# The hostile values, by kind: a handful of the XSS corpus (all of it goes through Chromium
# below), SQL and full-text (FTS5) syntax, control characters and header injection, a
# right-to-left override and zero-width characters, huge and odd numbers, far and impossible
# dates, nothing and blanks, and a long text (past every length limit, under the body limits).
MARKUP = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg onload=alert(1)>",
          "'><a href=\"javascript:alert(1)\">x</a>")
SQL = ("'; drop table members; --", '" OR 1=1 --')
FTS = ("NEAR(a b)", '"unbalanced', "a AND OR NOT", "*", "col:val", "^x")
CONTROL = ("\x00", "\x1b[31m", "\r\n\r\nSet-Cookie: x=1")
UNICODE = ("abc\u202egnp.exe", "\u200b\u200c\u200d\ufeff")
NUMBERS = ("99999999999999999999999", "-1", "1e400", "NaN")
# Far dates: the first and last days a date holds, and a year of five digits.
FAR_DATES = ("0001-01-01", "9999-12-31", "10000-01-01")
DATES = FAR_DATES + ("2026-02-30", "99999-01-01")
# The ends of a day (a far date at 00:00 in Paris is before the first moment UTC holds), and
# times that do not exist.
DAY_ENDS = ("00:00", "23:59")
TIMES = DAY_ENDS + ("24:00", "-01:00")
BLANKS = ("", " \t\u00a0 ")
LONG = "Fuite d'eau au plafond. " * 1000
# What every field receives, whatever its kind, one submission each (the rest of the form at
# its own values): the same values each run, so that a failure shows every time.
FIELD_CORPUS = (MARKUP + SQL + FTS + CONTROL + UNICODE + NUMBERS + DATES + TIMES + BLANKS
                + (LONG,))
XSS = MARKUP[0]
# What the CSRF token receives (the same check guards every form: a few values are enough).
CSRF_CORPUS = (XSS, "\x00")
# Sent once per form, in its main text field: a 1 MB string (3.4 MB encoded, past the 3 MB
# limit of a URL-encoded body and Flask's 500 kB limit for one field of a multipart one:
# 413 is fine).
MEGABYTE = "é<b>" * (1 << 18)
MEGABYTE_ENCODED = quote_plus(MEGABYTE).encode()  # once: encoding it takes a tenth of a second
# Bytes that are not UTF-8: raw and percent-encoded high bytes, a truncated sequence, and an
# encoded lone surrogate (U+D800), which a str cannot carry.
INVALID_UTF8 = b"\xff\xfe%ff%fe\xc3(%c3%28\xed\xa0\x80%ed%a0%80"
# For file fields: what is not a photo, a nameless empty file, names that try to escape.
HOSTILE_FILES = (
    (b"<script>alert(1)</script>", "<script>alert(1)</script>.jpg"),
    (b"", ""),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "../../../etc/passwd"),
    (b"\xff\xd8\xff\xe0" + b"\xff" * 64, "photo.jpg\x00.svg"),
)
# Field names that are no field of the form.
HOSTILE_NAMES = {"<script>alert(1)</script>": "1", "a" * 3000: "1", "\x00": "\x00",
                 "csrf_token[]": "x"}


# --- finding the forms -------------------------------------------------------------------------

@dataclass
class Field:
    """One named field of a form: its kind, the values the page gives it, its options."""

    name: str
    kind: str  # text, textarea, select, checkbox, radio, hidden, file, button, ...
    values: list = field(default_factory=list)
    options: list = field(default_factory=list)


@dataclass
class Form:
    """A form as a page holds it, and who sweeps it."""

    who: str
    page: str
    method: str
    action: str
    endpoint: str
    multipart: bool
    fields: dict

    @property
    def fillable(self) -> list[Field]:
        """The fields a person (or an attacker) sets, the CSRF token aside."""
        return [f for f in self.fields.values() if f.name != "csrf_token" and f.kind != "button"]

    def baseline(self) -> list[tuple[str, str]]:
        """The form as the page would send it untouched: its own values; a select's chosen
        option (or its first non-empty one); ticked boxes; no file."""
        pairs = []
        for item in self.fields.values():
            if item.kind in ("file", "button"):
                continue
            if item.kind == "select":
                chosen = item.values or [next((o for o in item.options if o), "")][:1]
                pairs += [(item.name, value) for value in chosen]
            elif item.kind in ("checkbox", "radio"):
                pairs += [(item.name, value) for value in item.values]
            else:
                pairs += [(item.name, value) for value in item.values or [""]]
        return pairs

    def main_text_field(self) -> Field | None:
        """The field where a person writes the most: a textarea, else a text input."""
        for kinds in (("textarea",), ("text", "search", "email", "password")):
            found = next((f for f in self.fillable if f.kind in kinds), None)
            if found:
                return found
        return self.fillable[0] if self.fillable else None


class FormParser(HTMLParser):
    """The forms of a page with their fields, values and options (an HTML parser, as a
    browser would read them; ``test_words`` counts fields the same way)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        """Open a form, or add a field (or an option) to the open one."""
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action"), "method": (attrs.get("method") or "get")
                          .lower(), "multipart": attrs.get("enctype") == "multipart/form-data",
                          "fields": {}}
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select.options.append(value)
            if "selected" in attrs:
                self._select.values.append(value)
        if not name:
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            kind = "button" if kind in ("submit", "image", "reset") else kind
            item = self._field(name, kind)
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio"):
                item.options.append(value)
                if "checked" in attrs:
                    item.values.append(value)
            elif kind != "file":
                item.values.append(value)
        elif tag == "select":
            self._select = self._field(name, "select")
        elif tag == "textarea":
            self._textarea = self._field(name, "textarea")
            self._textarea.values.append("")
        elif tag == "button" and (attrs.get("type") or "submit") == "submit":
            self._field(name, "button").values.append(attrs.get("value", ""))

    def handle_data(self, data):
        """A textarea's text is its value."""
        if self._textarea is not None:
            self._textarea.values[-1] += data

    def handle_endtag(self, tag):
        """Close the form, select or textarea."""
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            value = self._textarea.values[-1]
            self._textarea.values[-1] = value[1:] if value.startswith("\n") else value
            self._textarea = None

    def _field(self, name, kind) -> Field:
        fields = self._form["fields"]
        if name not in fields:
            fields[name] = Field(name, kind)
        return fields[name]


def _endpoint(app, path: str, method: str) -> str:
    """The view a form's address leads to (a form to an unknown address is a bug)."""
    try:
        return app.url_map.bind("localhost").match(path, method.upper())[0]
    except (NotFound, MethodNotAllowed):
        return ""


def forms_on(app, client, who: str, url: str) -> list[Form]:
    """The forms of the page at ``url`` as ``client`` sees it."""
    response = client.get(url)
    assert response.status_code == 200, f"{who} {url}: {response.status_code}"
    parser = FormParser()
    parser.feed(response.get_data(as_text=True))
    forms = []
    for raw in parser.forms:
        action = urlsplit(urljoin(url, raw["action"] or url)).path
        forms.append(Form(who, url, raw["method"], action, _endpoint(app, action, raw["method"]),
                          raw["multipart"], raw["fields"]))
    return forms


def discover_forms(app, world, more=()) -> list[Form]:
    """Every form on every HTML page of the access table, as seen by each visitor who may open
    the page, on ``more`` pages (who, address), and on the pages GET forms lead to (a building
    chosen, the form to open a case appears); one per view and set of fields (the same
    button on four tasks is one)."""
    pages = list(more)
    for rule, entry in ACCESS.items():
        if "GET" in methods_of(app, rule) and not any(p in rule for p in NOT_HTML) \
                and entry.ok == 200:
            pages += [(who, concrete(rule, world.ids))
                      for who, fate in EXPECTED[entry.audience].items() if fate == "ok"]
    found, seen = {}, set(pages)
    while pages:
        who, url = pages.pop(0)
        for form in forms_on(app, world.clients[who], who, url):
            found.setdefault((form.endpoint, form.method, tuple(sorted(form.fields))), form)
            if form.method == "get":
                filled = (who, f"{form.action}?{urlencode(form.baseline())}")
                if filled not in seen:
                    seen.add(filled)
                    pages.append(filled)
    return sorted(found.values(), key=sweep_order)


# Forms whose accepted submission ends or replaces the visitor's session (sign out, close the
# space, erase it, make a new key, follow a campaign without a key): each is swept by a fresh
# visitor of the same kind, so the sweep's own browsers keep their sessions.
ENDS_A_SESSION = ("/benevoles/deconnexion", "/membre/sortir", "/membre/effacer",
                  "/membre/nouvelle-cle", "/demandes/<slug>/suivre")
# Visitors in the order their forms are swept: administrators' forms change what others'
# pages show (a campaign's address, a building), so they come after the others'.
WHO_ORDER = ("anonymous", "member", "volunteer", "editor", "admin")


def _matches(form: Form, rules) -> int | None:
    """The position of the first rule that the form's address matches, or None."""
    return next((i for i, rule in enumerate(rules)
                 if re.fullmatch(re.sub(r"<[^>]+>", "[^/]+", rule), form.action)), None)


def sweep_order(form: Form):
    """Forms to fill first; then forms that are one button (they act: take, cancel,
    delete...); last, the forms of ``routes.LAST`` that delete what others use, in its
    order (those that end a session have a fresh visitor instead). Within each, members'
    and the public's forms before volunteers'."""
    last = _matches(form, [rule for rule in LAST if rule not in ENDS_A_SESSION])
    if last is not None:
        return (2, last, 0, form.action)
    return (0 if form.fillable else 1, form.method != "get", WHO_ORDER.index(form.who),
            form.action)


# --- what a submission changed -------------------------------------------------------------------

# Columns that move by themselves when someone merely comes back (not data someone saved).
MOVING = {("members", "last_seen_at"),
          # a page showing a report (a refused form drawn again) counts one more read of it
          ("audit_tallies", "times"), ("audit_tallies", "last_at")}
# Append-only logs: any request may add to them; what they held before must not change.
LOGS = ("audit_log", "audit_tallies")


class ChangeLog:
    """Triggers on every table of saved data (the inventory's, technical tables aside) that
    note each insert, update and delete in a side table: each submission's changes are then
    read in one query, whatever the app did."""

    def __init__(self, app):
        with app.app_context():
            self.tables = [t.name for t in all_tables(app) if not t.technical]
        self.conn = sqlite3.connect(app.config["DATABASE"], isolation_level=None, timeout=5)
        self.conn.execute("create table abuse_changes (id integer primary key, tbl, op, row)")
        self.columns, self.keys = {}, {}
        for table in self.tables:
            info = list(self.conn.execute(f"pragma table_info([{table}])"))
            self.columns[table] = [row[1] for row in info if (table, row[1]) not in MOVING]
            primary = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
            # A row is known by its primary key (some tables have no rowid), else its rowid.
            self.keys[table] = "json_array(" + ", ".join(
                f"{{0}}.[{c}]" for c in primary or ["rowid"]) + ")"
            changed = " or ".join(f"old.[{c}] is not new.[{c}]" for c in self.columns[table])
            for op, when, row in (("insert", "", "new"), ("delete", "", "old"),
                                  ("update", f"when {changed}", "old")):
                self.conn.execute(
                    f"create trigger [abuse_{table}_{op}] after {op} on [{table}] {when} begin "
                    f"insert into abuse_changes (tbl, op, row) values ('{table}', '{op}', "
                    f"{self.keys[table].format(row)}); end")
        self.seen = 0

    def snapshot(self) -> dict:
        """Every row of every table of saved data, by table and key (moving columns aside)."""
        rows = {}
        for table in self.tables:
            names = ", ".join(f"[{c}]" for c in self.columns[table])
            key = self.keys[table].format(f"[{table}]")
            rows[table] = {r[0]: r[1:] for r in self.conn.execute(
                f"select {key}, {names} from [{table}]")}
        return rows

    def since_last(self) -> list[tuple[str, str, int]]:
        """The changes made since the last call: (table, insert/update/delete, row key)."""
        found = self.conn.execute("select id, tbl, op, row from abuse_changes where id > ?",
                                  [self.seen]).fetchall()
        if found:
            self.seen = found[-1][0]
        return [tuple(change[1:]) for change in found]

    def close(self) -> None:
        """Close the log's connection."""
        self.conn.close()


# Where a visitor whose session has ended is sent.
SIGN_IN = ("/benevoles/connexion", "ouvrir=1")


# --- sending and judging --------------------------------------------------------------------------

@dataclass
class Sweep:
    """Sends hostile submissions and notes every failure: a 5xx, a missing security header,
    markup echoed unescaped, or data changed by a refused submission."""

    app: object
    world: object
    log: ChangeLog
    calls: list = field(default_factory=list)  # views called (see ``counting_views``)
    failures: list = field(default_factory=list)
    touched: dict = field(default_factory=dict)  # (table, rowid) -> what accepted a change
    sent: int = 0
    reached: set = field(default_factory=set)  # (action, field) that reached the view

    def send(self, form: Form, client, label: str, pairs=(), files=(), raw: bytes | None = None,
             payload: str | None = None, target: str = "(button)") -> None:
        """Submit ``form`` with these fields (or this raw body) and judge the answer;
        ``target`` is the field under test."""
        calls = len(self.calls)
        if form.method == "get":
            if raw is not None:
                response = client.get(f"{form.action}?{raw.decode('latin-1')}")
            else:
                response = client.get(form.action, query_string=MultiDict(pairs))
        elif raw is not None:
            response = client.post(form.action, data=raw,
                                   content_type="application/x-www-form-urlencoded")
        elif form.multipart:
            # Encoded here, in memory: the test client would spool a large body to a temporary
            # file that nobody closes when the app refuses the body unread (413).
            boundary, body = encode_multipart(MultiDict(list(pairs) + [
                (name, FileStorage(io.BytesIO(content), filename))
                for name, content, filename in files]))
            response = client.post(form.action, data=body,
                                   content_type=f"multipart/form-data; boundary={boundary}")
        else:
            response = client.post(form.action, data=MultiDict(pairs))
        self.sent += 1
        where = f"{form.who} {form.method.upper()} {form.action} [{label}]"
        self.judge(where, response, [payload] if payload in MARKUP else [])
        location = response.headers.get("Location", "")
        if len(self.calls) > calls and response.status_code != 404 \
                and not any(page in location for page in SIGN_IN):
            self.reached.add((form.action, target))
        changes = self.log.since_last()
        if response.status_code >= 400:
            saved = [c for c in changes if not (c[0] in LOGS and c[1] == "insert")]
            if saved:
                self.failures.append(f"{where}: refused ({response.status_code}) but changed "
                                     f"{saved[:5]}")
        else:
            for table, _op, row in changes:
                self.touched.setdefault((table, row), where)
        if payload in MARKUP and 300 <= response.status_code < 400 \
                and location.startswith("/"):
            self.judge(f"{where} -> {location}", client.get(location), [payload])
            for table, _op, row in self.log.since_last():
                self.touched.setdefault((table, row), where)
        response.close()

    def crashed(self, sender, exception, **extra) -> None:
        """Note where the app crashed (the 500 itself is noted by ``judge``)."""
        frame = traceback.extract_tb(exception.__traceback__)[-1]
        self.failures.append(f"  crash: {type(exception).__name__}: {exception} "
                             f"({frame.filename.rsplit('/', 2)[-1]}:{frame.lineno} {frame.name})")

    def judge(self, where: str, response, payloads=()) -> None:
        """No 5xx, the security headers, and none of the payloads' markup in an HTML page
        as markup (escaped, it reads ``&lt;``)."""
        missing = [h for h in SECURITY_HEADERS if h not in response.headers]
        if response.status_code >= 500 or missing:
            self.failures.append(f"{where}: {response.status_code} {missing}")
        if response.mimetype == "text/html":
            body = response.get_data()
            for markup in payloads:
                if markup.encode() in body:
                    self.failures.append(f"{where}: {markup[:40]!r} is in the page unescaped")

    def pages(self, stage: str) -> None:
        """Every GET address of the access table (pages, feeds, files), for each visitor who
        may open it: what the sweep saved is shown without a 5xx and without live markup."""
        for rule, entry in ACCESS.items():
            if "GET" not in methods_of(self.app, rule):
                continue
            url = concrete(rule, self.world.ids)
            for who, fate in EXPECTED[entry.audience].items():
                if fate == "ok" or who == "anonymous":
                    response = self.world.clients[who].get(url)
                    self.judge(f"{who} GET {url} ({stage})", response, MARKUP)
                    response.close()


_fresh = itertools.count(1)


def fresh_visitor(app, world, who: str, volunteers):
    """A new browser of the same kind, from its own network address (the sweep's throttles
    stay with the sweep's browsers): anonymous, a new member, or a new volunteer account with
    the role and the world's first building."""
    number = next(_fresh)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"10.0.{number // 250}.{number % 250 + 1}"
    if who == "member":
        new_member(client)
    elif who != "anonymous":
        account = volunteers.create(f"abuse-{who}-{number}", who, [world.building_a])
        assert volunteers.login(client, account).status_code == 302
    return client


def sweep_form(sweep: Sweep, form: Form, client) -> None:
    """Every fillable field of the form with each hostile value, the rest of the form at its
    own values; the field missing, repeated, and as invalid UTF-8; then the CSRF token
    tampered with, unknown field names, and a 1 MB string; far dates through its date and
    time fields together (``far_moments``). What usually succeeds comes last (a form that
    acts, acts once its hostile variants are sent)."""
    base = form.baseline()

    def without(name):
        return [(n, v) for n, v in base if n != name]

    far_moments(sweep, form, client, base)

    for item in form.fillable:
        others, name = without(item.name), item.name
        if item.kind == "file":
            for content, filename in HOSTILE_FILES:
                sweep.send(form, client, f"{name}: file {filename[:20]!r}", others,
                           files=[(name, content, filename)], target=name)
            continue
        for value in FIELD_CORPUS:
            sweep.send(form, client, f"{name}={value[:24]!r}", others + [(name, value)],
                       payload=value, target=name)
        sweep.send(form, client, f"{name} missing", others, target=name)
        first = (item.values or item.options or ["x"])[0]
        sweep.send(form, client, f"{name} twice", others + [(name, first), (name, XSS)],
                   payload=XSS, target=name)
        sweep.send(form, client, f"{name} invalid UTF-8",
                   raw=urlencode(others).encode() + f"&{quote(name)}=".encode() + INVALID_UTF8,
                   target=name)
    if "csrf_token" in form.fields:
        others = without("csrf_token")
        token = form.fields["csrf_token"].values[0]
        for value in CSRF_CORPUS:
            sweep.send(form, client, f"csrf_token={value[:24]!r}",
                       others + [("csrf_token", value)], payload=value)
        sweep.send(form, client, "csrf_token missing", others)
        sweep.send(form, client, "csrf_token invalid UTF-8",
                   raw=urlencode(others).encode() + b"&csrf_token=" + INVALID_UTF8)
    main = form.main_text_field()
    name = main.name if main else "x"
    if form.method == "get":
        pass  # no URL carries 1 MB: gunicorn refuses a request line over 4 kB
    elif form.multipart:
        sweep.send(form, client, "1 MB", without(name) + [(name, MEGABYTE)], target=name)
    else:
        sweep.send(form, client, "1 MB", raw=urlencode(without(name)).encode()
                   + f"&{quote_plus(name)}=".encode() + MEGABYTE_ENCODED, target=name)
    if "csrf_token" in form.fields:
        sweep.send(form, client, "csrf_token twice", base + [("csrf_token", token)])
    sweep.send(form, client, "unknown names", base + list(HOSTILE_NAMES.items()),
               payload=XSS)


def far_moments(sweep: Sweep, form: Form, client, base) -> None:
    """Each far date in each date field (then in all of them at once), with every time field
    of the form at its own value and at each end of the day: a date and a time are combined
    (a time zone's offset, a deadline), and year 1 at 00:00 in Paris is before the first
    moment UTC holds."""
    dates = [f.name for f in form.fillable if f.kind == "date"]
    times = [f.name for f in form.fillable if f.kind == "time"]
    if not dates:
        return
    for far in FAR_DATES:
        for chosen in [[name] for name in dates] + ([dates] if len(dates) > 1 else []):
            for at in (None,) + (DAY_ENDS if times else ()):
                changed = {name: far for name in chosen}
                changed.update({name: at for name in times if at is not None})
                pairs = [(n, v) for n, v in base if n not in changed] + list(changed.items())
                sweep.send(form, client, f"{'+'.join(chosen)}={far} at {at or 'its time'}",
                           pairs, target=chosen[0])


def counting_views(app) -> list:
    """Wrap every view so that each call is noted: a submission that a check made before
    the view (CSRF, body size) refused did not reach the form's own validation."""
    calls = []

    def counted(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            calls.append(view.__name__)
            return view(*args, **kwargs)
        return wrapped

    for endpoint, view in list(app.view_functions.items()):
        app.view_functions[endpoint] = counted(view)
    return calls


# The sweep's moment: fixed, so that the forms' own values (an action's date and times, made
# from the clock) are the same at every run.
SWEEP_MOMENT = datetime(2026, 3, 14, 23, 55, tzinfo=timezone.utc)
# Each visitor's forms are shared out over this many tests (by their view), each on a world
# of its own, so that the workers of ``make test`` share the sweep.
GROUPS = 2


def group_of(form: Form) -> int:
    """The test that sweeps the form: the same one at every run (a hash of its view)."""
    return zlib.crc32(form.endpoint.encode()) % GROUPS


@pytest.fixture
def sweep_world(app):
    """The world of the access table on a fixed clock, with a report whose text is masked
    (its page holds one more form: the reason to reveal it); and the forms found on it."""
    app.config["CLOCK"] = Clock(SWEEP_MOMENT)
    volunteers = Volunteers(app)
    world = make_world(app, volunteers)
    masked = report(world.clients["member"], world.building_a, keep_as_written="y",
                    description="La voisine est alcoolique et l'ascenseur est sale")
    forms = discover_forms(app, world, [("volunteer", f"/benevoles/signalements/{masked['id']}")])
    return world, volunteers, forms


def test_the_sweep_finds_the_forms(sweep_world):
    """Discovery finds the site's forms, and each is swept by one of the tests below."""
    _world, _volunteers, forms = sweep_world
    assert len(forms) >= 40 and sum(len(f.fillable) for f in forms) >= 80
    assert {f.who for f in forms} <= set(WHO_ORDER)


@pytest.mark.parametrize("group", range(GROUPS))
@pytest.mark.parametrize("who", WHO_ORDER)
def test_every_form_field_survives_hostile_input(app, sweep_world, who, group):
    """Every field of every form, with each hostile input: no 5xx, the security headers,
    no markup echoed unescaped, nothing changed by a refused form, and every row saved
    before the sweep unchanged unless a form accepted the change. Every field's hostile
    values reach the form's own validation (not only the CSRF check). (This test: the
    forms of one visitor in one group.)"""
    world, volunteers, found = sweep_world
    forms = [f for f in found if f.who == who and group_of(f) == group]
    visitors = {}
    for index, form in enumerate(forms):  # fresh visitors, before anything is deleted
        if _matches(form, ENDS_A_SESSION) is not None:
            client = fresh_visitor(app, world, form.who, volunteers)
            forms[index] = next(f for f in forms_on(app, client, form.who, form.page)
                                if f.endpoint == form.endpoint
                                and f.fields.keys() == form.fields.keys())
            visitors[index] = client
    log = ChangeLog(app)
    before = log.snapshot()
    sweep = Sweep(app, world, log, counting_views(app))
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash is a 500 to note, not the end
    got_request_exception.connect(sweep.crashed, app)
    for index, form in enumerate(forms):
        if index and sweep_order(form)[0] > 0 and sweep_order(forms[index - 1])[0] == 0:
            sweep.pages("after the forms to fill")  # before anything is deleted
        sweep_form(sweep, form, visitors.get(index) or world.clients[form.who])
    sweep.pages("at the end")
    after = log.snapshot()
    log.close()
    rows = [(table, row) for table, held in before.items() for row in held]
    changed = [(table, row) for table, row in rows
               if after[table].get(row) != before[table][row]]
    unexplained = [f"{table} row {row}" for table, row in changed
                   if (table, row) not in sweep.touched]
    unreached = [f"{f.who} {f.action} {name}" for f in forms
                 for name in [i.name for i in f.fillable] or ["(button)"]
                 if (f.action, name) not in sweep.reached]
    fields = sum(len(f.fillable) for f in forms)
    print(f"\nabuse sweep ({who}, group {group}): {len(forms)} forms, {fields} fields, "
          f"{len(FIELD_CORPUS)} hostile values, {sweep.sent} submissions, "
          f"{len(sweep.failures)} failures; of {len(rows)} rows saved before, "
          f"{len(rows) - len(changed)} unchanged, {len(changed) - len(unexplained)} changed by "
          f"a form that accepted the change, {len(unexplained)} otherwise")
    assert sweep.failures == [], "\n".join(sweep.failures[:60])
    assert unexplained == [], unexplained[:20]
    assert unreached == [], unreached


# --- in Chromium: no payload runs ---------------------------------------------------------------

# Installed in every page before its own scripts: whatever a payload calls is noted.
WATCH = """
window.__xss = [];
(() => {
  const note = (what) => window.__xss.push(String(what).slice(0, 120));
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    window[name] = (...args) => { note(name + "(" + args.join(",") + ")"); };
  }
  const fetch = window.fetch;
  window.fetch = function (...args) { note("fetch " + args[0]); return fetch.apply(this, args); };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) { note("xhr"); return send.apply(this, args); };
  window.addEventListener("error", (e) => note("error " + (e.message || e.target.outerHTML)), true);
  document.addEventListener("securitypolicyviolation",
    (e) => note("csp " + e.violatedDirective + " " + e.blockedURI), true);
})();
"""
# Read after each page: what ran, markup that should never be in a page of ours (even where
# the Content-Security-Policy would stop it running), and the text of the page's main part.
READ = """
() => {
  const found = [];
  const unsafe = /^\\s*(javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) found.push(el.tagName + " " + a.name);
      if (["href", "src", "action", "formaction", "xlink:href", "background", "data", "srcdoc"]
          .includes(a.name) && unsafe.test(a.value)) found.push(el.tagName + " " + a.name);
    }
  }
  for (const s of document.scripts) {
    if (!s.src.endsWith("/static/amicale.js")) found.push("script " + (s.src || s.text.slice(0, 40)));
  }
  for (const el of document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv], "
                                               + "main style, main link, svg script")) {
    found.push(el.tagName);
  }
  const main = document.querySelector("main");
  return {ran: window.__xss, injected: found, main: main ? main.innerText : ""};
}
"""


def flat(text: str) -> str:
    """Text with its white space collapsed, as a page shows it, and without the space French
    typesetting puts before ":", ";", "!" and "?" (a French title is typeset when saved)."""
    return re.sub(r" ([:;!?])", r"\1", " ".join(text.split()))


@pytest.fixture(scope="module")
def abuse_site(tmp_path_factory):
    """A site of its own for the XSS payloads (the shared live app stays clean for the other
    browser tests): one building, served in a thread, on a controlled clock."""
    app = make_app(tmp_path_factory.mktemp("abuse") / "instance", REPORTS_PER_ADDRESS=10_000)
    app.config["CLOCK"] = Clock()
    building = add_building(app, "Résidence des Tilleuls")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["BASE_URL"] = url
    yield app, url, building
    server.shutdown()


class Visitor:
    """A Chromium context (its own cookies) with one watched page, that sends forms with the
    browser's own HTTP stack and opens pages, noting what ran and what leaked."""

    def __init__(self, browser, url: str):
        self.url, self.context = url, browser.new_context()
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.problems, self.opened = [], 0
        self.page.on("dialog", lambda dialog: (self.problems.append(f"dialog {dialog.message}"),
                                               dialog.dismiss()))
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("request", lambda r: r.url.startswith((url, "data:")) or
                     self.problems.append(f"request to {r.url}"))

    def token(self, path: str) -> str:
        """The CSRF token of this browser's session, read from a form of the page."""
        self.page.goto(self.url + path)
        return self.page.locator("input[name=csrf_token]").first.get_attribute("value")

    def post(self, path: str, form: dict) -> str:
        """Send a form; return where the site sends the browser (a refusal is a failure)."""
        response = self.context.request.post(self.url + path, form=form, max_redirects=0)
        assert 300 <= response.status < 400, f"{path}: {response.status} {form}"
        return response.headers["location"]

    def open(self, path: str, shown=()) -> None:
        """Open a page: nothing ran, nothing was injected, and each text of ``shown`` reads
        as written in the page's main part."""
        response = self.page.goto(self.url + path)
        self.opened += 1
        where = f"{path}:"
        if response.status != 200:
            self.problems.append(f"{where} {response.status}")
        seen = self.page.evaluate(READ)
        self.problems += [f"{where} ran {r}" for r in seen["ran"]]
        self.problems += [f"{where} {i}" for i in seen["injected"]]
        main = flat(seen["main"])
        self.problems += [f"{where} not shown as text: {text!r}" for text in shown
                          if flat(text) not in main]


@pytest.mark.browser
def test_no_xss_payload_runs_in_chromium(browser, abuse_site):
    """Every payload of ``corpus/xss.txt`` goes through the forms people write in: a tenant's
    report, a volunteer's note on it, an action's title, place and description (Markdown),
    an action's checklist, a campaign's title and explanation (Markdown; one campaign also
    explains with all of them at once). Then the pages that show them are opened in Chromium,
    as the tenant, the volunteer and the public: no payload runs, none leaves markup in the
    page, and plain text reads as it was typed. (Each action page shows one payload as
    Markdown; the other pages show all of them.)"""
    app, url, building = abuse_site
    payloads = xss_payloads()
    helper = Volunteers(app)
    account = helper.create("abuse-admin", "admin")
    tenant, volunteer, public = (Visitor(browser, url) for _ in range(3))
    volunteer.page.goto(url + "/benevoles/connexion")
    volunteer.page.fill("input[name=login]", account.login)
    volunteer.page.fill("input[name=password]", account.password)
    volunteer.page.fill("input[name=code]", helper.code(account.secret))
    volunteer.page.click("button[type=submit]")
    assert volunteer.page.url == url + "/benevoles/"

    token = tenant.token("/signaler")
    for payload in payloads:
        tenant.post("/signaler", {"csrf_token": token, "building": building,
                                  "category": "damp", "description": payload})
    db = connect(app.config["DATABASE"])
    report = db.execute("select min(id) from grievances").fetchone()[0]
    db.close()
    token = volunteer.token("/benevoles/actions/nouvelle")
    start = (app.config["CLOCK"]() + timedelta(days=30)).date().isoformat()
    actions = []
    campaign = {"csrf_token": token, "landlord_id": "0", "controller_name": "Habitat Test",
                "controller_address": "1 rue du Test", "opens_on": "2026-01-01"}
    for index, payload in enumerate(payloads):
        volunteer.post(f"/benevoles/signalements/{report}/notes",
                       {"csrf_token": token, "note-text": payload})
        location = volunteer.post("/benevoles/actions/nouvelle", {
            "csrf_token": token, "kind": "public_meeting", "title": payload,
            "start_date": start, "start_time": "18:00", "end_time": "20:00", "place": payload,
            "description": payload, "visibility": "public"})
        actions.append(int(re.search(r"/benevoles/actions/(\d+)", location)[1]))
        volunteer.post(f"/benevoles/actions/{actions[0]}/taches",
                       {"csrf_token": token, "label": payload})
        volunteer.post("/benevoles/campagnes/nouvelle", {
            **campaign, "title": payload, "slug": f"xss-{index}", "explanation": payload})
    volunteer.post("/benevoles/campagnes/nouvelle", {
        **campaign, "title": "Toutes", "slug": "xss", "explanation": "\n\n".join(payloads)})

    tenant.open("/membre/", payloads)  # their reports, and the volunteer's notes
    volunteer.open("/benevoles/")
    volunteer.open("/benevoles/signalements/")
    volunteer.open(f"/benevoles/signalements/{report}", payloads)  # the notes
    volunteer.open("/benevoles/actions/", payloads)
    volunteer.open(f"/benevoles/actions/{actions[0]}", payloads)  # the checklist
    volunteer.open("/benevoles/campagnes/", payloads)
    public.open("/")
    public.open("/actions/", payloads)
    public.open("/demandes/", payloads)
    public.open("/demandes/xss")
    public.open("/demandes/xss-0", payloads[:1])
    for action, payload in zip(actions, payloads):
        public.open(f"/actions/{action}", [payload])  # its title and place, read as text
    problems = tenant.problems + volunteer.problems + public.problems
    pages = tenant.opened + volunteer.opened + public.opened
    print(f"\nxss in Chromium: {len(payloads)} payloads through 8 fields, {pages} pages opened, "
          f"{len(problems)} problems")
    assert problems == [], "\n".join(problems[:40])
