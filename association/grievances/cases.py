"""Collective cases: the reports of one building grouped, a letter sent to the landlord in
the name of the households concerned, and the timeline that follows. A case holds counts and
dates, never a tenant."""
from datetime import date

from flask_babel import lazy_gettext as _l

from ..privacy import Flags
from .. import audit, clock, deadlines
from ..dates import in_words
from ..db import first_row
from ..letters import Letter
from . import categories

EVENTS = {
    "letter_sent": _l("letter sent"), "reply": _l("landlord's reply"), "visit": _l("visit"),
    "works": _l("works done"), "outcome": _l("outcome"), "overdue": _l("no reply in time"),
    "note": _l("note"),
}
RECORDED = ("reply", "visit", "works", "outcome", "note")  # what volunteers add by hand
STATUSES = {"open": _l("being prepared"), "sent": _l("sent, waiting for a reply"),
            "answered": _l("answered"), "closed": _l("closed")}


def open_case(db, building_id: int, category: str | None, title: str, theme: str | None,
              theme_flags: list[str], grievance_ids: list[int], volunteer) -> int:
    """A new case for one building, grouping the given reports of that building; the case
    and each grouped report are logged (the reports with their tenants)."""
    with db.atomic():
        case_id = db.table("cases").insert({
            "building_id": building_id, "category": category or None, "title": title,
            "theme": theme or None, "theme_flags": Flags(theme_flags).format(),
            "status": "open", "created_at": clock.stamp(), "created_by": volunteer.login,
        }).last_pk
        audit.record(db, volunteer, "create", "case", case_id)
        attach(db, case_id, building_id, grievance_ids, volunteer)
    return case_id


def _changed(db, volunteer, changed: list) -> int:
    """Log each report a case step changed, for its tenant; return how many there were."""
    for grievance_id, member_id in changed:
        audit.record(db, volunteer, "update", "grievance", grievance_id, member_id=member_id)
    return len(changed)


def attach(db, case_id: int, building_id: int, grievance_ids: list[int], volunteer) -> int:
    """Group open reports of the case's building in it, each logged for its tenant; return
    how many were."""
    if not grievance_ids:
        return 0
    places = ",".join("?" * len(grievance_ids))
    with db.atomic():
        return _changed(db, volunteer, db.execute(
            f"update grievances set case_id = ?, status = case when status in ('new', 'checked') "
            f"then 'in_case' else status end, updated_at = ? where id in ({places}) "
            f"and building_id = ? and status in ({','.join('?' * len(categories.OPEN))}) "
            f"returning id, member_id",
            [case_id, clock.stamp(), *grievance_ids, building_id, *categories.OPEN]).fetchall())


def read(db, case: dict, volunteer) -> list[dict]:
    """The case's reports (id, reference, kind, status), read by ``volunteer`` on its page,
    its letter or its PDF: logged for each tenant, once per volunteer, report and day."""
    reports = list(db.query("select id, reference, category, status, member_id from grievances "
                            "where case_id = ? order by created_at", [case["id"]]))
    audit.record_daily(db, volunteer, "read", "grievance",
                       [(row["id"], row["member_id"]) for row in reports])
    return reports


def get(db, case_id: int) -> dict | None:
    """One case with its building's and landlord's names and address."""
    return first_row(
        db, "select c.*, b.name as building_name, b.street_address, l.name as landlord_name, "
        "l.postal_address as landlord_address from cases c join buildings b on "
        "b.id = c.building_id left join landlords l on l.id = b.landlord_id where c.id = ?",
        [case_id])


def of_scope(db, scope: set[int]) -> list[dict]:
    """The cases of the volunteer's buildings, open ones first."""
    places = ",".join("?" * len(scope)) or "null"
    return list(db.query(
        "select c.*, b.name as building_name, (select count(*) from grievances g where "
        "g.case_id = c.id) as reports from cases c join buildings b on b.id = c.building_id "
        f"where c.building_id in ({places}) order by c.status = 'closed', c.created_at desc",
        sorted(scope)))


def facts(db, case: dict) -> dict:
    """What the collective letter states: households, reports, kinds, since when — counts
    and dates only."""
    reports = list(db.query(
        "select category, since, member_id, id from grievances where case_id = ?",
        [case["id"]]))
    kinds = sorted({r["category"] for r in reports} | ({case["category"]} - {None}))
    supporters = {row["member_id"] for row in db.query(
        f"select member_id from grievance_supports where building_id = ? and category in "
        f"({','.join('?' * len(kinds)) or 'null'})", [case["building_id"], *kinds])}
    households = {f"m{r['member_id']}" if r["member_id"] else f"g{r['id']}" for r in reports}
    households |= {f"m{member}" for member in supporters}
    since = min((r["since"] for r in reports if r["since"]), default=None)
    return {"households": len(households), "reports": len(reports),
            "kinds": [categories.label(k) for k in kinds], "since": since}


# A building named after what it is ("Bâtiment A", "Résidence Les Lilas"): its own article.
_NAMED_AS = (("bâtiment", "du"), ("batiment", "du"), ("bât.", "du"), ("immeuble", "de l'"),
             ("résidence", "de la"), ("residence", "de la"), ("tour", "de la"),
             ("cité", "de la"), ("foyer", "du"))


def of_building(name: str) -> str:
    """"du bâtiment Tilleuls", but "du Bâtiment A" and "de la Résidence Les Lilas" (never
    "du bâtiment Bâtiment A")."""
    lowered = name.lower()
    for word, article in _NAMED_AS:
        if lowered.startswith(word + " ") or lowered == word:
            return f"{article}{name}" if article.endswith("'") else f"{article} {name}"
    return f"du bâtiment {name}"


def letter(case: dict, facts: dict, association: dict, today: date) -> Letter:
    """The collective letter to the landlord, in French: the households and the kinds of
    problem counted, since when, the landlord's duties in law, the association's demands.
    It names no tenant: it is built from counts, the building and the case alone."""
    plural = "s" if facts["reports"] > 1 else ""
    since = ""
    if facts["since"]:
        since = f", constaté{plural} depuis {in_words(facts['since'], 'month', 'fr')}"
    households = facts["households"]
    place = case["building_name"] + (f", {case['street_address']}" if case.get("street_address")
                                     else "")
    paragraphs = [
        "Madame, Monsieur,",
        f"L'amicale des locataires vous écrit au nom de {households} foyer"
        f"{'s' if households > 1 else ''} {of_building(case['building_name'])}, qui nous ont "
        f"signalé {facts['reports']} problème{plural} relevant de : "
        f"{', '.join(str(kind) for kind in facts['kinds'])}{since}.",
        "Nous vous rappelons qu'en application de l'article 6 de la loi n° 89-462 du 6 juillet "
        "1989, le bailleur est tenu de remettre au locataire un logement décent, d'assurer la "
        "jouissance paisible du logement, d'entretenir les locaux en état de servir à l'usage "
        "prévu par le contrat et d'y faire toutes les réparations, autres que locatives, "
        "nécessaires au maintien en état et à l'entretien normal des locaux loués. Les "
        "réparations à la charge des locataires sont limitativement énumérées par le décret "
        "n° 87-712 du 26 août 1987 ; les désordres signalés n'en relèvent pas.",
    ]
    if case.get("demands"):
        paragraphs += ["Au nom de ces foyers, nous vous demandons :", case["demands"].strip()]
    paragraphs += [
        "Nous vous remercions de nous faire part, dans un délai d'un mois, des mesures que "
        "vous entendez prendre et de leur calendrier.",
        "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    ]
    return Letter(
        language="fr",
        sender=[line for line in (association.get("name"), association.get("postal_address"))
                if line],
        recipient=[line for line in (case.get("landlord_name"), case.get("landlord_address"))
                   if line],
        dated=f"Le {in_words(today, 'day', 'fr')}",
        subject=f"Objet : {case['title']} — {place}",
        paragraphs=paragraphs,
        signature=f"Pour l'amicale : {association.get('name') or ''}".strip().rstrip(" :"))


def save_demands(db, case_id: int, demands: str, flags: list[str], volunteer) -> None:
    """The association's demands, which the letter states, with what the screen found."""
    with db.atomic():
        db.table("cases").update(case_id, {"demands": demands,
                                           "demands_flags": Flags(flags).format()})
        audit.record(db, volunteer, "update", "case", case_id)


def save_summary(db, case_id: int, summary: str | None, flags: list[str], volunteer) -> None:
    """The summary shown on the building's public page (None removes it); flagged text is
    kept off that page."""
    with db.atomic():
        db.table("cases").update(case_id, {"public_summary": summary,
                                           "public_summary_flags": Flags(flags).format()})
        audit.record(db, volunteer, "update", "case", case_id)


def record_sending(db, case: dict, sent_on: date, sent_how: str, flags: list[str],
                   response_due: date | None, volunteer) -> date:
    """The letter was sent: its date, proof and the answer's deadline (a month by default,
    counted as legal time limits are); its reports go to "sent", each logged for its tenant."""
    due = response_due or deadlines.due_date(sent_on)
    households = facts(db, case)["households"]
    with db.atomic():
        db.table("cases").update(case["id"], {
            "status": "sent", "sent_on": sent_on.isoformat(), "sent_how": sent_how,
            "sent_how_flags": Flags(flags).format(), "response_due": due.isoformat(),
            "households": households})
        audit.record(db, volunteer, "update", "case", case["id"])
        _changed(db, volunteer, db.execute(
            "update grievances set status = 'sent', updated_at = ? where case_id = ? "
            "and status in ('new', 'checked', 'in_case') returning id, member_id",
            [clock.stamp(), case["id"]]).fetchall())
        add_event(db, case, sent_on, "letter_sent", None, [], volunteer)
    return due


def add_event(db, case: dict, happened_on: date, kind: str, note: str | None,
              flags: list[str], volunteer) -> None:
    """A step of the case's timeline; a reply marks the case answered. A volunteer's step is
    logged; the daily job's ("no reply in time") is not."""
    if kind not in EVENTS:
        raise ValueError(kind)
    with db.atomic():
        db.table("case_events").insert({
            "case_id": case["id"], "happened_on": happened_on.isoformat(), "kind": kind,
            "note": note or None, "note_flags": Flags(flags).format(),
            "volunteer_login": getattr(volunteer, "login", None), "created_at": clock.stamp()})
        if kind == "reply" and case["status"] == "sent":
            db.table("cases").update(case["id"], {"status": "answered"})
        if kind == "outcome":
            db.table("cases").update(case["id"], {"status": "closed"})
        if volunteer is not None and kind != "letter_sent":
            audit.record(db, volunteer, "update", "case", case["id"])


def timeline(db, case_id: int) -> list[dict]:
    """The case's steps, in order."""
    return list(db.query("select * from case_events where case_id = ? "
                         "order by happened_on, id", [case_id]))


def overdue(db, today: date, scope: set[int] | None = None) -> list[dict]:
    """Sent cases whose answer is late (of the given buildings, or all)."""
    sql = ("select c.*, b.name as building_name from cases c join buildings b on "
           "b.id = c.building_id where c.status = 'sent' and c.response_due < ?")
    params: list = [today.isoformat()]
    if scope is not None:
        sql += f" and c.building_id in ({','.join('?' * len(scope)) or 'null'})"
        params += sorted(scope)
    return list(db.query(sql + " order by c.response_due", params))


def sweep_deadlines(db, today: date) -> dict:
    """Daily job: a case whose answer is late gets a "no reply in time" step, once."""
    late = [case for case in overdue(db, today)
            if not db.table("case_events").count_where(
                "case_id = ? and kind = 'overdue'", [case["id"]])]
    with db.atomic():
        for case in late:
            add_event(db, case, today, "overdue", None, [], None)
    return {"overdue": len(late)}



def days_late(case: dict, today: date) -> int:
    """How many days the answer is late (0 if not yet due)."""
    if not case.get("response_due"):
        return 0
    return max((today - date.fromisoformat(case["response_due"])).days, 0)
