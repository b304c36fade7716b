"""The public data register (GDPR art. 30), generated from the inventory and the settings."""
from flask import current_app, render_template, request
from flask_babel import force_locale, get_locale, gettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .. import inventory, reference


def _text(value) -> str:
    return str(value)


def data_register(db) -> dict:
    """Everything the register says, as plain data in the current language."""
    return {"controller": _controller(db), **_declared_part(str(get_locale())),
            **_processors(db)}


# Where the declared part goes in the page while the rest is rendered (no template writes NUL).
_SPOT = Markup("\x00declared\x00")


def register_page(db) -> bytes:
    """The readable register, as the UTF-8 bytes of the page: the page rendered on each
    request (its header, who is responsible, its footer) around the declared part, rendered
    and encoded once per language (encoding the whole page, 40 KB with accents, costs about
    as much as rendering its header)."""
    language = str(get_locale())
    head, spot, tail = render_template("public/register.html", register=data_register(db),
                                       declared_html=_SPOT).partition(_SPOT)
    if not spot:  # a template that renders its declared block itself
        return head.encode()
    return head.encode() + _declared_bytes(language) + tail.encode()


def _declared_bytes(language: str) -> bytes:
    """The declared part in ``language``, rendered and encoded once per language and per path
    the site is served under (its links hold it); anew on each request while templates
    reload (debug), so that an edit shows."""
    cache = current_app.extensions.setdefault("amicale_register_html", {})
    key = (language, request.script_root)
    if key not in cache:
        encoded = declared_html(language).encode()
        if current_app.jinja_env.auto_reload:
            return encoded
        cache[key] = encoded
    return cache[key]


def declared_html(language: str) -> Markup:
    """The readable register's declared part (everything after "who is responsible") in
    ``language``: the ``declared`` block of ``public/register.html``, rendered alone. It
    reads nothing from the request but the path the site is served under (its links)."""
    template = current_app.jinja_env.get_template("public/register.html")
    with force_locale(language):
        context = template.new_context({"register": _declared_part(language)})
        return Markup("".join(template.blocks["declared"](context)))


def register_json(db) -> bytes:
    """The register as JSON: keys sorted, compact, in UTF-8 (the accents of a French
    register as themselves: 7 % lighter than ASCII escapes), with a final newline. Drawn
    once per language and settings: the page cache keeps it."""
    return current_app.json.dumps(data_register(db), separators=(",", ":"),
                                  ensure_ascii=False).encode() + b"\n"


def _controller(db) -> dict:
    association = reference.association(db)
    return {
        "name": association["name"],
        "postal_address": association["postal_address"],
        "contact_email": association["contact_email"],
    }


def _processors(db) -> dict:
    """The recipients, processors first (the host, the mail relay: GDPR art. 28 and 13(1)(e)),
    and the transfers outside the Union, as the association's settings give them."""
    association = reference.association(db)
    processors = [{"name": association[key], "role": _text(role)} for key, role in (
        ("host_name", _l("hosts the site and its database (processor, GDPR art. 28)")),
        ("mail_relay", _l("relays the messages sent to members (processor, GDPR art. 28)")))
        if association[key]]
    return {
        "processors": processors,
        "recipients": [gettext("%(label)s: %(text)s", label=p["name"], text=p["role"])
                       for p in processors]
        + [_text(r) for r in inventory.RECIPIENTS],
        "transfers_outside_eu": association["transfers_outside_eu"]
        or _text(inventory.TRANSFERS_OUTSIDE_EU),
    }


def _declared_part(language: str) -> dict:
    """What comes from the inventory alone: fixed while the app runs, so made once per
    language (and per app)."""
    cache = current_app.extensions.setdefault("amicale_register", {})
    if language not in cache:
        with force_locale(language):
            cache[language] = _declarations()
    return cache[language]


def _declarations() -> dict:
    every = inventory.all_tables()
    tables = [_table(table) for table in every]
    personal_tables = [t for t in every if any(c.personal for c in t.columns)]
    return {
        "purposes": [_text(t.purpose) for t in personal_tables],
        "categories_of_people": sorted(
            {_text(inventory.PEOPLE[t.people]) for t in personal_tables}
        ),
        "categories_of_data": [
            {"table": t.name, "columns": [c.name for c in t.columns if c.personal],
             "sensitive": any(c.sensitive for c in t.columns)}
            for t in personal_tables
        ],
        "legitimate_interest": _text(inventory.LEGITIMATE_INTEREST),
        "sensitive_data": _text(inventory.SENSITIVE_BASIS),
        "security_measures": [_text(m) for m in inventory.SECURITY_MEASURES],
        "member_rights": {
            "export": "/membre/export.json",
            "export_tables": {t.name: [c.name for c in t.columns]
                              for t in inventory.member_tables()},
            "erase": "/membre/effacer",
            "access_log": "/membre/",
        },
        "tables": tables,
    }


def _retention(table: inventory.Table, column: inventory.Column) -> dict:
    """The column's retention as data, with the condition the purge adds to its table's rule."""
    rule = table.retention_of(column).as_json()
    if rule["kind"] == "after" and table.retention_note:
        rule["condition"] = _text(table.retention_note)
        rule["text"] = f"{rule['text']} {rule['condition']}"
    return rule


def _table(table: inventory.Table) -> dict:
    return {
        "name": table.name,
        **({"search_index": {"name": table.search_table, "columns": list(table.search)}}
           if table.search else {}),
        "purpose": _text(table.purpose),
        "legal_basis": {"code": table.legal_basis,
                        "text": _text(inventory.LEGAL_BASES[table.legal_basis]),
                        **({"interest": _text(inventory.LEGITIMATE_INTEREST)}
                           if table.legal_basis == "legitimate_interest" else {}),
                        **({"sensitive_text": _text(inventory.SENSITIVE_BASIS)}
                           if any(c.sensitive for c in table.columns) else {})},
        "people": _text(inventory.PEOPLE[table.people]),
        "technical": table.technical,
        "columns": [
            {
                "name": column.name,
                "purpose": _text(column.purpose),
                "personal": column.personal,
                "sensitive": column.sensitive,
                "retention": _retention(table, column),
                "readers": [{"code": r, "text": _text(inventory.ROLES[r])}
                            for r in table.readers_of(column)],
            }
            for column in table.columns
        ],
    }
