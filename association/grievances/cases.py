"""Collective cases: the reports of one building grouped, a letter sent to the landlord in
the name of the households concerned, and the timeline that follows. A case holds counts and
dates, never a tenant."""
import json
from dataclasses import asdict
from datetime import date

from flask_babel import lazy_gettext as _l

from ..privacy import Flags
from .. import audit, clock, deadlines, reference
from ..dates import in_words
from ..db import first_row
from ..letters import Letter
from . import categories, grounds

EVENTS = {
    "letter_sent": _l("letter sent"), "reply": _l("landlord's reply"), "visit": _l("visit"),
    "works": _l("works done"), "outcome": _l("outcome"), "overdue": _l("no reply in time"),
    "note": _l("note"),
    "letter_prepared": _l("letter prepared"),
}
RECORDED = ("reply", "visit", "works", "outcome", "note")  # what volunteers add by hand
STATUSES = {"open": _l("being prepared"), "sent": _l("sent, waiting for a reply"),
            "answered": _l("answered"), "closed": _l("closed")}


def open_case(db, building_id: int, category: str | None, title: str, theme: str | None,
              theme_flags: list[str], grievance_ids: list[int], volunteer) -> int:
    """A new case for one building, grouping the given reports of that building; the case
    and each grouped report are logged (the reports with their tenants). A kind that is never
    grouped (allocation and transfer requests) is refused with ValueError."""
    if not categories.groupable(category):
        raise ValueError(f"{category} is never a collective case")
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
    how many were. Reports of a kind that is never grouped stay out."""
    if not grievance_ids:
        return 0
    places = ",".join("?" * len(grievance_ids))
    individual = ",".join("?" * len(categories.INDIVIDUAL)) or "null"
    with db.atomic():
        return _changed(db, volunteer, db.execute(
            f"update grievances set case_id = ?, status = case when status in ('new', 'checked') "
            f"then 'in_case' else status end, updated_at = ? where id in ({places}) "
            f"and building_id = ? and status in ({','.join('?' * len(categories.OPEN))}) "
            f"and category not in ({individual}) returning id, member_id",
            [case_id, clock.stamp(), *grievance_ids, building_id, *categories.OPEN,
             *categories.INDIVIDUAL]).fetchall())


def read(db, case: dict, volunteer) -> list[dict]:
    """The case's reports (id, reference, kind, status), read by ``volunteer`` on its page,
    its letter or its PDF: logged for each tenant, once per volunteer, report and day."""
    reports = list(db.query("select id, reference, category, status, member_id from grievances "
                            "where case_id = ? order by created_at", [case["id"]]))
    audit.record_daily(db, volunteer, "read", "grievance",
                       [(row["id"], row["member_id"]) for row in reports])
    return reports


def get(db, case_id: int) -> dict | None:
    """One case with its building's and landlord's names, address and département."""
    return first_row(
        db, "select c.*, b.name as building_name, b.street_address, l.name as landlord_name, "
        "l.postal_address as landlord_address, l.departement as landlord_departement "
        "from cases c join buildings b on "
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
    and dates only. A sent case's are those of its sending, kept in the case (``sent_facts``):
    a tenant erasing their space later changes neither what was sent nor its reprint."""
    if case.get("sent_facts"):
        return _labelled(json.loads(case["sent_facts"]))
    return _labelled(counted_now(db, case))


def _labelled(counted: dict) -> dict:
    """Facts with their kinds in words (``kinds``) and by code (``codes``)."""
    return {**counted, "kinds": [categories.label(k) for k in counted["kinds"]],
            "codes": counted["kinds"]}


def counted_now(db, case: dict) -> dict:
    """The case's facts as its reports and "me too" households give them now (kinds by
    their code)."""
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
    return {"households": len(households), "reports": len(reports), "kinds": kinds,
            "since": since}


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


POSTAL_DELAY = 3  # working days: a posted letter is deemed received then (as requests count)
# Kinds where the health services (SCHS, ARS: the Histologe platform) and the CAF (aid kept
# back for a home that is not decent) are the next step.
HEALTH = {"damp", "heating", "water", "pests", "fire_safety", "security"}


def answer_due(dated: date, departement: str | None = None) -> date:
    """The answer date the letter writes: a month from its receipt, a posted letter being
    deemed received three working days after its date (counted as legal time limits are,
    with the public holidays of the landlord's département)."""
    return deadlines.due_date(deadlines.add_working_days(dated, POSTAL_DELAY),
                              subdiv=deadlines.subdivision(departement))


def _standing(association: dict) -> str | None:
    """Who the association is in law (art. 44 loi 86-1290), from its settings: nothing that
    the settings do not say."""
    name = association.get("name") or "L'amicale des locataires"
    rna = f" (RNA {association['rna_number']})" if association.get("rna_number") else ""
    if association.get("federation"):
        return (f"{name}, association régie par la loi du 1er juillet 1901{rna}, est affiliée à "
                f"{association['federation']}, organisation siégeant à la Commission nationale "
                "de concertation : elle est à ce titre une association représentative des "
                f"locataires au sens de l'article 44 de {grounds.LOI_86}.")
    if association.get("represents_tenth"):
        return (f"{name}, association régie par la loi du 1er juillet 1901{rna}, représente au "
                "moins 10 % des locataires de l'ensemble : elle est à ce titre une association "
                f"représentative des locataires au sens de l'article 44 de {grounds.LOI_86}.")
    if rna:
        return f"{name} est une association régie par la loi du 1er juillet 1901{rna}."
    return None


def _lines(text: str | None) -> list[str]:
    """An address as the lines La Poste wants: as typed, or split at its commas when it was
    typed on one line."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return lines


def kinds_of(case: dict, facts: dict) -> list[str]:
    """The kinds of problem the case's letter is about: its own, else those of its reports."""
    return [case["category"]] if case.get("category") else list(facts.get("codes") or [])


def letter(case: dict, facts: dict, association: dict, today: date,
           due: date | None = None) -> Letter:
    """The collective letter to the landlord, in French: who the association is, the
    households and the kinds of problem counted, since when, the landlord's obligations for
    that kind of problem (``grounds``, or as the volunteer adjusted them), the demands, the
    exact date of the answer expected, a joint visit, what follows if nothing does, and the
    copies. It names no tenant: it is built from counts, the building and the case alone."""
    plural = "s" if facts["reports"] > 1 else ""
    since = ""
    if facts["since"]:
        since = f", constaté{plural} depuis {in_words(facts['since'], 'month', 'fr')}"
    households = facts["households"]
    due = due or answer_due(today, case.get("landlord_departement"))
    kinds = kinds_of(case, facts)
    legal = case.get("grounds") or grounds.default_grounds(kinds)
    paragraphs = ["Madame, Monsieur,"]
    standing = _standing(association)
    if standing:
        paragraphs.append(standing)
    paragraphs.append(
        f"Nous vous écrivons à la demande de {households} foyer"
        f"{'s' if households > 1 else ''} {of_building(case['building_name'])}, qui nous "
        f"{'ont' if households > 1 else 'a'} signalé {facts['reports']} problème{plural} relevant de : "
        f"{', '.join(str(kind) for kind in facts['kinds'])}{since}.")
    paragraphs += [part.strip() for part in legal.split("\n\n") if part.strip()]
    if case.get("repairs_checked"):
        paragraphs.append(grounds.NOT_TENANT_REPAIRS)
    if case.get("demands"):
        paragraphs.append("Nous vous demandons en conséquence :")
        paragraphs += [line.strip() for line in case["demands"].splitlines() if line.strip()]
    health = (" ; nous signalerons également la situation aux services d'hygiène et de santé "
              "(service communal d'hygiène et de santé ou agence régionale de santé) et à la "
              "caisse d'allocations familiales, qui peut conserver l'aide au logement tant "
              "qu'un logement n'est pas décent" if HEALTH & set(kinds) else "")
    paragraphs += [
        "Nous vous remercions de nous faire connaître par écrit, au plus tard le "
        f"{in_words(due, 'day', 'fr')}, les mesures que vous entendez prendre et leur "
        "calendrier. Nous vous proposons d'organiser d'ici là une visite contradictoire des "
        "lieux avec nos représentants, ou d'inscrire cette question à l'ordre du jour du "
        f"conseil de concertation locative (article 44 bis de {grounds.LOI_86}).",
        "À défaut de réponse satisfaisante à cette date, nous saisirons la commission "
        "départementale de conciliation, compétente pour les litiges de caractère collectif et "
        f"les difficultés de fonctionnement d'un immeuble (article 20 de {grounds.LOI_89})"
        f"{health}. Les locataires concernés pourront en outre donner mandat à une association "
        "siégeant à la Commission nationale de concertation d'agir en justice en leur nom "
        "(article 24-1 de la même loi).",
        "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    ]
    copies = ["le conseil de concertation locative"]
    if association.get("federation"):
        copies.append(association["federation"])
    building = case["building_name"]
    # The title often names the building already: never "Bâtiment A — Bâtiment A".
    named = building.split(" — ")[0].strip().lower() in case["title"].lower()
    subject = case["title"] if named else f"{case['title']} — {building}"
    if case.get("street_address"):
        subject += f", {case['street_address']}"
    return Letter(
        language="fr",
        sender=[line for line in [association.get("name")] if line]
        + _lines(association.get("postal_address")),
        recipient=[line for line in [case.get("landlord_name")] if line]
        + _lines(case.get("landlord_address")),
        dated=f"Le {in_words(today, 'day', 'fr')}",
        subject=f"Objet : {subject}",
        paragraphs=paragraphs,
        signature=_signature(association),
        copies=[f"Copie : {' ; '.join(copies)}"])


def _signature(association: dict) -> str:
    """« Pour l'amicale : Camille Martin, présidente »: who signs its letters, else its legal
    representative (the directeur de la publication, when the settings have one), else the
    association's name alone."""
    name, function = ((association.get("signatory"), association.get("signatory_function"))
                      if association.get("signatory") else
                      (association.get("publication_director"),
                       association.get("publication_director_function")))
    who = ", ".join(part for part in (name, function) if part)
    return f"Pour l'amicale : {who or association.get('name') or ''}".strip().rstrip(" :")


def as_sent(case: dict) -> Letter | None:
    """The letter as it was sent (kept when the sending was recorded), or None before."""
    if not case.get("letter_sent"):
        return None
    return Letter(**json.loads(case["letter_sent"]))


def save_grounds(db, case: dict, text: str, flags: list[str], repairs_checked: bool,
                 volunteer) -> None:
    """The letter's legal paragraph as the volunteer adjusted it (kept empty when left as
    proposed, so that the kind's own text applies) and whether they checked that the problems
    are not tenant repairs."""
    text = text.strip().replace("\r\n", "\n")
    if text == grounds.default_grounds(kinds_of(case, facts(db, case))):
        text, flags = None, []
    with db.atomic():
        db.table("cases").update(case["id"], {
            "grounds": text, "grounds_flags": Flags(flags).format(),
            "repairs_checked": int(repairs_checked)})
        audit.record(db, volunteer, "update", "case", case["id"])


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
    """The letter was sent: its date, proof and the answer's deadline (by default the date
    the letter writes: a month from its receipt); the letter's facts and the letter itself are
    kept as sent, dated that day, as evidence (a tenant erasing their space later changes
    neither); its reports go to "sent", each logged for its tenant."""
    due = response_due or answer_due(sent_on, case.get("landlord_departement"))
    association = reference.association(db)
    sent_flags = Flags.parse(case.get("demands_flags")) | Flags.parse(case.get("grounds_flags"))
    with db.atomic():
        counted = counted_now(db, case)
        sent = letter(case, _labelled(counted), association, sent_on, due)
        db.table("cases").update(case["id"], {
            "status": "sent", "sent_on": sent_on.isoformat(), "sent_how": sent_how,
            "sent_how_flags": Flags(flags).format(), "response_due": due.isoformat(),
            "households": counted["households"], "sent_facts": json.dumps(counted),
            "letter_sent": json.dumps(asdict(sent)),
            "letter_sent_flags": Flags(sent_flags).format()})
        audit.record(db, volunteer, "update", "case", case["id"])
        _changed(db, volunteer, db.execute(
            "update grievances set status = 'sent', updated_at = ? where case_id = ? "
            "and status in ('new', 'checked', 'in_case') returning id, member_id",
            [clock.stamp(), case["id"]]).fetchall())
        add_event(db, case, sent_on, "letter_sent", None, [], volunteer)
    return due


def add_event(db, case: dict, happened_on: date, kind: str, note: str | None,
              flags: list[str], volunteer) -> str | None:
    """A step of the case's timeline; a reply marks a sent case answered, an outcome closes
    it: the case's new status is returned (None when the step left it as it was), for the
    volunteer to be told. A volunteer's step is logged; the daily job's ("no reply in time")
    is not."""
    if kind not in EVENTS:
        raise ValueError(kind)
    status = {"reply": "answered" if case["status"] == "sent" else None,
              "outcome": "closed" if case["status"] != "closed" else None}.get(kind)
    with db.atomic():
        db.table("case_events").insert({
            "case_id": case["id"], "happened_on": happened_on.isoformat(), "kind": kind,
            "note": note or None, "note_flags": Flags(flags).format(),
            "volunteer_login": getattr(volunteer, "login", None), "created_at": clock.stamp()})
        if status:
            db.table("cases").update(case["id"], {"status": status})
        if volunteer is not None and kind != "letter_sent":
            audit.record(db, volunteer, "update", "case", case["id"])
    return status


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


def letter_prepared(db, building_id: int, category: str, title: str, letter_title: str,
                    volunteer) -> int:
    """Another capability prepared a letter about this building (a dispute of its charges):
    it joins the building's open case of that category, opened if there is none, as a step
    of its timeline; return the case's id."""
    with db.atomic():
        found = db.execute(
            "select id from cases where building_id = ? and category = ? and status != "
            "'closed' order by created_at desc, id desc limit 1",
            [building_id, category]).fetchone()
        case_id = found[0] if found else open_case(db, building_id, category, title, None, [],
                                                   [], volunteer)
        add_event(db, get(db, case_id), clock.today(), "letter_prepared", letter_title, [],
                  volunteer)
    return case_id
