"""What an action can be: its kinds, who may see it, and the checklist each kind starts with.

Template tasks are stored by their code, not their text, so that each reader sees them in
their own language; a task a volunteer adds by hand is stored as written (and screened).
"""
from flask_babel import lazy_gettext as _l

KINDS = {
    "general_assembly": _l("General assembly"),
    "public_meeting": _l("Public meeting"),
    "rally": _l("Rally"),
    "occupation": _l("Occupation"),
    "delegation": _l("Delegation to the landlord"),
    "office_hours": _l("Office hours"),
    "leafleting": _l("Leafleting"),
    "consultation": _l("Consultation meeting with the landlord"),
}

VISIBILITIES = {
    "public": _l("Public: anyone"),
    "members": _l("Members: only with a key a volunteer confirmed in person"),
    "volunteers": _l("Volunteers only"),
}
# Short labels for lists and badges.
VISIBILITY_BADGES = {
    "public": _l("public"),
    "members": _l("members only"),
    "volunteers": _l("volunteers only"),
}

TASKS = {
    "room": _l("Book the room"),
    "agenda": _l("Send the agenda to members"),
    "quorum": _l("Check the quorum on the paper attendance sheet (only the numbers are noted "
                 "here)"),
    "minutes": _l("Take the minutes"),
    "leaflets": _l("Print and hand out the leaflets"),
    "speakers": _l("Agree who speaks"),
    # Code de la sécurité intérieure, L. 211-1 and L. 211-2 (legal review of issue 22, A4).
    "prefecture": _l("Declare the demonstration at the town hall (in Paris: the préfecture de "
                     "police) between 15 and 3 clear days before, the declaration signed by "
                     "three organisers living in the département (CSI L. 211-1, L. 211-2) — "
                     "only on the public highway"),
    "banner": _l("Bring the banner"),
    "megaphone": _l("Bring the megaphone"),
    "press": _l("Press contact"),
    "legal_observer": _l("Legal observer (legal team)"),
    "lawyer": _l("Lawyer's phone number written on every arm"),
    "first_aid": _l("First aid kit"),
    "appointment": _l("Ask the landlord for the appointment in writing"),
    "demands": _l("Write the list of demands"),
    "report_back": _l("Report back to the tenants"),
    "keys": _l("Open and close the room"),
    "documents": _l("Bring blank letters and forms"),
    "buildings_share": _l("Share out the buildings and staircases"),
    "questions": _l("Gather the tenants' questions beforehand"),
}

# The checklist a new action of each kind starts with (volunteers add or remove tasks).
TEMPLATES = {
    "general_assembly": ("room", "agenda", "quorum", "minutes"),
    "public_meeting": ("room", "leaflets", "speakers", "minutes"),
    "rally": ("prefecture", "banner", "megaphone", "press", "legal_observer"),
    "occupation": ("press", "legal_observer", "banner", "lawyer", "first_aid"),
    "delegation": ("appointment", "demands", "press", "minutes", "report_back"),
    "office_hours": ("keys", "documents"),
    "leafleting": ("leaflets", "buildings_share"),
    "consultation": ("questions", "demands", "minutes", "report_back"),
}


def kind_label(kind: str):
    """The readable name of a kind (the code itself if unknown)."""
    return KINDS.get(kind, kind)


def task_label(task: dict):
    """A task as read: its template's text in the reader's language, or what was written."""
    if task.get("template"):
        return TASKS.get(task["template"], task["template"])
    return task.get("label") or _l("(text removed: it had been flagged)")
