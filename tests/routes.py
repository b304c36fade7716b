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
    "/mentions-legales": Entry("public"),
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
    "/benevoles/cles/confirmer": Entry("volunteer"),
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
    "/benevoles/admin/batiments/<int:building_id>/supprimer": Entry("admin", 302),  # has reports
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
    "/membre/confirmation": Entry("member"),
    "/membre/confirmation/code": Entry("member", 303),
    "/membre/export.json": Entry("member"),
    "/membre/export": Entry("member"),
    "/membre/effacer": Entry("member"),
    "/signaler": Entry("public"),
    "/signaler/merci": Entry("public"),
    "/batiments/<int:building_id>": Entry("public"),
    "/batiments/<int:building_id>/affiche": Entry("public"),
    "/batiments/<int:building_id>/moi-aussi": Entry("public", 400),
    "/signaler/moi-aussi/<int:support_id>/retirer": Entry("member", 302),
    "/signaler/photos/<int:photo_id>": Entry("member"),
    "/signaler/mes-signalements/<int:grievance_id>/photo": Entry("member", 400),  # no photo
    # A photo kept from a send that came back: only with the page's signed field.
    "/signaler/photos-gardees/<int:number>": Entry("public", 404),
    "/benevoles/signalements/": Entry("volunteer"),
    "/benevoles/signalements/<int:grievance_id>": Entry("volunteer"),
    "/benevoles/signalements/<int:grievance_id>/statut": Entry("volunteer", 400),
    "/benevoles/signalements/<int:grievance_id>/notes": Entry("volunteer", 400),
    "/benevoles/signalements/<int:grievance_id>/fusionner": Entry("volunteer", 400),
    "/benevoles/signalements/<int:grievance_id>/photos/<int:photo_id>": Entry("volunteer"),
    "/benevoles/dossiers/": Entry("volunteer"),
    "/benevoles/dossiers/nouveau": Entry("volunteer"),
    "/benevoles/dossiers/<int:case_id>": Entry("volunteer"),
    "/benevoles/dossiers/<int:case_id>/revendications": Entry("volunteer", 400),
    "/benevoles/dossiers/<int:case_id>/fondements": Entry("volunteer", 400),
    "/benevoles/dossiers/<int:case_id>/envoi": Entry("volunteer", 302),
    "/benevoles/dossiers/<int:case_id>/etapes": Entry("volunteer", 400),
    "/benevoles/dossiers/<int:case_id>/resume": Entry("volunteer", 302),
    "/benevoles/dossiers/<int:case_id>/lettre": Entry("volunteer"),
    "/benevoles/dossiers/<int:case_id>/lettre.pdf": Entry("volunteer"),
    "/demandes/": Entry("public"),
    "/demandes/<slug>": Entry("public"),
    "/demandes/<slug>/lettre": Entry("public", 400),  # a token alone: the form comes back
    "/demandes/<slug>/lettre.pdf": Entry("public", 400),
    "/demandes/<slug>/stats.json": Entry("public"),
    "/demandes/<slug>/suivre": Entry("public", 303),  # makes a key when there is none
    "/demandes/suivi/<int:tracker_id>": Entry("member"),
    "/demandes/suivi/<int:tracker_id>/envoi": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/reception": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/prolongation": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/identification": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/frais": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/relance-envoyee": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/reponse": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/echeance.ics": Entry("member"),
    "/demandes/suivi/<int:tracker_id>/relance": Entry("member"),
    "/demandes/suivi/<int:tracker_id>/relance.pdf": Entry("member", 400),
    "/demandes/suivi/<int:tracker_id>/plainte": Entry("member"),
    "/demandes/suivi/<int:tracker_id>/supprimer": Entry("member"),
    "/benevoles/campagnes/": Entry("signed_in"),
    "/benevoles/campagnes/nouvelle": Entry("admin"),
    "/benevoles/campagnes/<int:campaign_id>": Entry("admin"),
    "/benevoles/campagnes/<int:campaign_id>/supprimer": Entry("admin"),
    "/benevoles/campagnes/<int:campaign_id>/resultats.csv": Entry("signed_in"),
    # Actions: the agenda and each action are public (members' and volunteers' actions answer
    # 404 to others); answering and cancelling need no account. Actions are managed by the
    # role "volunteer" (and admins); editors write communiqués and are refused here.
    "/actions/": Entry("public"),
    "/actions/agenda.ics": Entry("public"),
    "/actions/<int:action_id>": Entry("public"),
    "/actions/<int:action_id>.ics": Entry("public"),
    "/actions/<int:action_id>/je-viens": Entry("public"),
    "/actions/<int:action_id>/lien-garde": Entry("public", 302),
    "/actions/<int:action_id>/reponse/<rsvp_token>": Entry("public", 303),
    "/actions/<int:action_id>/je-ne-viens-plus": Entry("public", 303),
    "/actions/<int:action_id>/oublier-ici": Entry("public", 303),
    "/benevoles/actions/": Entry("volunteer"),
    "/benevoles/actions/nouvelle": Entry("volunteer"),
    "/benevoles/actions/<int:action_id>": Entry("volunteer"),
    "/benevoles/actions/<int:action_id>/modifier": Entry("volunteer"),
    "/benevoles/actions/<int:action_id>/annuler": Entry("volunteer"),
    "/benevoles/actions/<int:action_id>/retablir": Entry("volunteer", 302),
    "/benevoles/actions/<int:action_id>/taches": Entry("volunteer", 400),
    "/benevoles/actions/<int:action_id>/taches/<int:task_id>/prendre": Entry("volunteer", 302),
    "/benevoles/actions/<int:action_id>/taches/<int:task_id>/lacher": Entry("volunteer", 302),
    "/benevoles/actions/<int:action_id>/taches/<int:task_id>/faite": Entry("volunteer", 302),
    "/benevoles/actions/<int:action_id>/taches/<int:task_id>/retirer": Entry("volunteer"),
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
    "/benevoles/communiques/<int:communique_id>/droit-de-reponse": Entry("editor"),
    "/benevoles/communiques/<int:communique_id>/supprimer": Entry("editor", 302),
    "/benevoles/communiques/<int:communique_id>/revisions/<int:number>": Entry("editor"),
    "/benevoles/communiques/<int:communique_id>/ecarts": Entry("editor"),
    # The charges check: published checks are public (an unpublished one answers 404); the
    # reader's share is a POST whose form comes back without its figure. Statements are
    # handled by the role "volunteer" (and admins), of their buildings only.
    "/charges/": Entry("public"),
    "/charges/<int:building_id>/<int:year>": Entry("public"),
    "/charges/<int:building_id>/<int:year>/ma-part": Entry("public", 400),
    "/benevoles/charges/": Entry("volunteer"),
    "/benevoles/charges/nouveau": Entry("volunteer"),
    "/benevoles/charges/modele.csv": Entry("volunteer"),
    "/benevoles/charges/echeances.ics": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/modifier": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/controle.csv": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/pannes": Entry("volunteer", 400),
    "/benevoles/charges/<int:statement_id>/pannes/<int:outage_id>/fin": Entry("volunteer", 400),
    "/benevoles/charges/<int:statement_id>/pannes/<int:outage_id>/supprimer": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/lignes": Entry("volunteer", 400),
    "/benevoles/charges/<int:statement_id>/import": Entry("volunteer", 400),
    "/benevoles/charges/<int:statement_id>/lignes/<int:line_id>/avis": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/lignes/<int:line_id>/supprimer": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/publication": Entry("volunteer", 302),
    "/benevoles/charges/<int:statement_id>/lettres": Entry("volunteer", 302),  # no letter named
    "/benevoles/charges/<int:statement_id>/lettres/<kind>": Entry("volunteer"),
    "/benevoles/charges/<int:statement_id>/lettres/<kind>.pdf": Entry("volunteer"),
}

# Visited last, since they delete what other rules use or change who the visitor is.
LAST = ("/benevoles/admin/batiments/<int:building_id>/supprimer",
        "/benevoles/admin/bailleurs/<int:landlord_id>/supprimer",
        "/demandes/<slug>/suivre", "/membre/nouvelle-cle", "/benevoles/deconnexion",
        "/membre/sortir")

# Pages that are not HTML for people (files and data), left out of the HTML and axe sweeps.
NOT_HTML = ("/static/", ".json", "/photos/", ".ics", ".csv", ".pdf", ".atom")
# Who opens each audience's pages in the sweeps.
SWEEPER = {"public": "anonymous", "sign_in": "anonymous", "member": "member", "signed_in": "admin",
           "volunteer": "admin", "editor": "admin", "admin": "admin"}


def concrete(rule: str, ids: dict) -> str:
    """The rule's address with a real value for each of its arguments (``ids["by_prefix"]``
    gives other values to the rules under a prefix: two capabilities both say ``<slug>``)."""
    values = {name: value for name, value in ids.items() if name != "by_prefix"}
    for prefix, overrides in ids.get("by_prefix", {}).items():
        if rule.startswith(prefix):
            values.update(overrides)
    for name, value in values.items():
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
