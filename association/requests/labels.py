"""What the codes of a tracker mean, in the reader's language; the navigation's entries and
what the audit log calls a campaign."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry

NAV = (NavEntry("requests.index", _l("Access requests"), ("public",), section=True),
       NavEntry("requests_admin.campaigns_list", _l("Campaigns")))
OBJECT_TYPES = {"campaign": _l("access request campaign")}

STATE_LABELS = {
    "to_send": _l("to send"),
    "awaiting": _l("awaiting a reply"),
    "due_soon": _l("due within 7 days"),
    "overdue": _l("overdue"),
    "answered": _l("answered"),
    "complaint_ready": _l("complaint ready"),
}
CHANNEL_LABELS = {
    "email": _l("e-mail"),
    "post": _l("post"),
    "registered": _l("registered post with acknowledgement of receipt"),
    "hand": _l("by hand, against a receipt"),
}
GRADE_LABELS = {
    "complete": _l("complete"),
    "partial": _l("partial"),
    "refusal": _l("refusal"),
    "off_point": _l("off the point"),
}
ITEM_LABELS = {
    "a": _l("(a) the purposes"),
    "b": _l("(b) the categories of data"),
    "c": _l("(c) the recipients by name, subcontractors included (CJEU C-154/21)"),
    "d": _l("(d) how long the data are kept"),
    "e": _l("(e) the rights to rectification, erasure, restriction and objection"),
    "f": _l("(f) the right to complain to the CNIL"),
    "g": _l("(g) the source of data not collected from the tenant"),
    "h": _l("(h) automated decisions and profiling"),
}
# Asked for in addition to article 15 (results.EXTRA_ITEMS): never counted as missing.
EXTRA_ITEM_LABELS = {
    "staff": _l("the functions of the staff who can read the file (asked in addition: not "
                "required, CJEU C-579/21)"),
}
TIMELINESS_LABELS = {
    "on_time": _l("answered on time"),
    "late": _l("answered late"),
    "never": _l("no answer past the deadline"),
}
DISCLOSURE_LABELS = {
    "copy_received": _l("a copy of the data came"),
    "comments_disclosed": _l("comment zones were disclosed"),
    "access_log_disclosed": _l("the dates and purposes of the consultations of the file "
                               "were disclosed (owed: CJEU C-579/21)"),
}
STATUS_LABELS = {"upcoming": _l("not open yet"), "open": _l("open"), "closed": _l("closed")}


def state_label(state: str):
    """Where a request stands, in words."""
    return STATE_LABELS.get(state, state)


def channel_label(channel: str):
    """How a letter went, in words."""
    return CHANNEL_LABELS.get(channel, channel)


def grade_label(grade: str):
    """What the landlord's answer was worth, in words."""
    return GRADE_LABELS.get(grade, grade)


def item_text(item: str) -> str:
    """An article 15 item as the follow-up letter lists it, in the current language."""
    return str(ITEM_LABELS[item])


def labels() -> dict:
    """Every label, for templates."""
    return {"states": STATE_LABELS, "channels": CHANNEL_LABELS, "grades": GRADE_LABELS,
            "items": ITEM_LABELS, "extra_items": EXTRA_ITEM_LABELS,
            "timeliness": TIMELINESS_LABELS,
            "disclosures": DISCLOSURE_LABELS, "status": STATUS_LABELS}


def init_app(app) -> None:
    """Template helpers: the labels of states, channels, grades and items."""
    app.jinja_env.globals["request_labels"] = labels()
