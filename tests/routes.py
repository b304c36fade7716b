"""The access table: every route with who may reach it and what the allowed visitor gets.

It is the one list of the site's pages: the access test checks every role against it, and
the HTML checker, the axe sweep in Chromium and the hostile-query sweep take their pages
from it. A route added without an entry here fails ``test_every_route_is_in_the_table``.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """Who may reach a route, and the exact status that visitor gets (a GET page, or a
    POST sent with nothing but a valid token)."""

    audience: str
    ok: int = 200


# audience -> what each kind of visitor gets. "member" is a browser where a member key was
# entered; volunteers are not members and are sent to enter a key. "signed_in" is any
# volunteer account; "volunteer" the grievance handlers (role volunteer, and admins);
# "editor" the writers of communiqués (role editor, and admins).
EXPECTED = {
    "public": {"anonymous": "ok", "member": "ok", "editor": "ok", "volunteer": "ok",
               "admin": "ok"},
    # The sign-in page: a volunteer already signed in is sent to the dashboard instead.
    "sign_in": {"anonymous": "ok", "member": "ok", "editor": "dashboard",
                "volunteer": "dashboard", "admin": "dashboard"},
    "member": {"anonymous": "enter_key", "member": "ok", "editor": "enter_key",
               "volunteer": "enter_key", "admin": "enter_key"},
    "signed_in": {"anonymous": "login", "member": "login", "editor": "ok", "volunteer": "ok",
                  "admin": "ok"},
    "volunteer": {"anonymous": "login", "member": "login", "editor": "forbidden",
                  "volunteer": "ok", "admin": "ok"},
    "editor": {"anonymous": "login", "member": "login", "editor": "ok",
               "volunteer": "forbidden", "admin": "ok"},
    "admin": {"anonymous": "login", "member": "login", "editor": "forbidden",
              "volunteer": "forbidden", "admin": "ok"},
}

ACCESS = {
    "/": Entry("public"),
    "/donnees": Entry("public"),
    "/donnees.json": Entry("public"),
    "/transparence": Entry("public"),
    "/static/<path:filename>": Entry("public"),
    "/benevoles/connexion": Entry("sign_in"),
    "/benevoles/invitation/<token>": Entry("public"),
    "/benevoles/": Entry("signed_in"),
    "/benevoles/deconnexion": Entry("signed_in", 302),
    "/benevoles/compte": Entry("signed_in"),
    "/benevoles/compte/mot-de-passe": Entry("signed_in", 400),
    "/benevoles/compte/second-facteur": Entry("signed_in", 400),
    "/benevoles/compte/second-facteur/confirmer": Entry("signed_in", 302),
    "/benevoles/codes-de-secours": Entry("signed_in"),
    "/benevoles/codes-de-secours/gardes": Entry("signed_in", 302),
    "/benevoles/compte/sessions/fin": Entry("signed_in", 302),
    "/benevoles/batiments/<int:building_id>": Entry("volunteer"),
    "/benevoles/admin/comptes": Entry("admin"),
    "/benevoles/admin/comptes/nouveau": Entry("admin"),
    "/benevoles/admin/comptes/<int:volunteer_id>": Entry("admin"),
    "/benevoles/admin/comptes/<int:volunteer_id>/desactiver": Entry("admin"),
    "/benevoles/admin/comptes/<int:volunteer_id>/reactiver": Entry("admin", 302),
    "/benevoles/admin/comptes/<int:volunteer_id>/second-facteur": Entry("admin"),
    "/benevoles/admin/comptes/<int:volunteer_id>/lien": Entry("admin"),
    "/benevoles/admin/comptes/<int:volunteer_id>/lien/remis": Entry("admin", 302),
    "/benevoles/admin/comptes/<int:volunteer_id>/sessions": Entry("admin", 302),
    "/benevoles/admin/comptes/<int:volunteer_id>/supprimer": Entry("admin", 302),  # not disabled
    "/benevoles/admin/batiments": Entry("admin"),
    "/benevoles/admin/batiments/nouveau": Entry("admin"),
    "/benevoles/admin/batiments/<int:building_id>": Entry("admin"),
    "/benevoles/admin/batiments/<int:building_id>/supprimer": Entry("admin"),
    "/benevoles/admin/bailleurs": Entry("admin"),
    "/benevoles/admin/bailleurs/nouveau": Entry("admin"),
    "/benevoles/admin/bailleurs/<int:landlord_id>": Entry("admin"),
    "/benevoles/admin/bailleurs/<int:landlord_id>/supprimer": Entry("admin"),
    "/benevoles/admin/association": Entry("admin"),
    "/benevoles/admin/journal": Entry("admin"),
    "/membre/": Entry("public"),
    "/membre/nouvelle-cle": Entry("public", 303),
    "/membre/cle": Entry("public"),
    "/membre/cle/gardee": Entry("public", 302),
    "/membre/sortir": Entry("public", 302),
    "/membre/batiment": Entry("member", 302),
    "/membre/contact": Entry("member", 400),
    "/membre/contact/supprimer": Entry("member", 302),
    "/membre/export.json": Entry("member"),
    "/membre/export": Entry("member"),
    "/membre/effacer": Entry("member"),
    "/communiques/": Entry("public"),
    "/communiques/<slug>": Entry("public"),
    "/communiques/feed.atom": Entry("public"),
    "/benevoles/communiques/": Entry("editor"),
    "/benevoles/communiques/nouveau": Entry("editor"),
    "/benevoles/communiques/apercu": Entry("editor"),
    "/benevoles/communiques/reglages": Entry("admin"),
    # The world's communiqué is published: the steps of a draft are refused (back to it).
    "/benevoles/communiques/<int:communique_id>": Entry("editor"),
    "/benevoles/communiques/<int:communique_id>/modifier": Entry("editor"),  # a correction
    "/benevoles/communiques/<int:communique_id>/soumettre": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/approuver": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/publier-seul": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/brouillon": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/abandonner": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/retirer": Entry("editor"),
    "/benevoles/communiques/<int:communique_id>/supprimer": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/revisions/<int:number>": Entry("editor"),
    "/benevoles/communiques/<int:communique_id>/ecarts": Entry("editor"),
}

# Visited last, since they delete what other rules use or change who the visitor is.
LAST = ("/benevoles/admin/batiments/<int:building_id>/supprimer",
        "/benevoles/admin/bailleurs/<int:landlord_id>/supprimer",
        "/membre/nouvelle-cle", "/benevoles/deconnexion", "/membre/sortir")

# Pages that are not HTML for people (files and data), left out of the HTML and axe sweeps.
NOT_HTML = ("/static/", ".json", ".atom")
# Who opens each audience's pages in the sweeps.
SWEEPER = {"public": "anonymous", "sign_in": "anonymous", "member": "member", "signed_in": "admin",
           "volunteer": "admin", "editor": "admin", "admin": "admin"}


def concrete(rule: str, ids: dict) -> str:
    """The rule's address with a real value for each of its arguments."""
    for name, value in ids.items():
        for converter in ("", "int:", "path:"):
            rule = rule.replace(f"<{converter}{name}>", str(value))
    return rule


def methods_of(app, rule: str) -> set[str]:
    """The HTTP methods a rule accepts."""
    return next(r.methods for r in app.url_map.iter_rules() if r.rule == rule)


def html_pages(app, ids: dict) -> list[tuple[str, str]]:
    """Every page a person opens (GET, HTML), as (who opens it, address), from the table."""
    pages = []
    for rule, entry in ACCESS.items():
        if "GET" not in methods_of(app, rule) or any(part in rule for part in NOT_HTML) \
                or entry.ok != 200:
            continue
        pages.append((SWEEPER[entry.audience], concrete(rule, ids)))
    return pages
