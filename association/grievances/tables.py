"""The grievances' tables, as declared in the inventory."""
from flask_babel import lazy_gettext as _l

from ..inventory import Column, Table, demo_flag, parse_retention
from . import categories

FLAGGED = "90 days after created_at"  # confirmed sensitive text goes sooner than the rest
AFTER_CLOSING = "183 days after closed_at"  # a report, its photos and notes


def report_retention() -> dict:
    """How long a report is kept after it is closed, and its confirmed sensitive text after
    it was written, from the rules above (the report form's notice says them)."""
    return {"closed": parse_retention(AFTER_CLOSING).period,
            "flagged": parse_retention(FLAGGED).period}

TABLES: tuple[Table, ...] = (
    Table(
        "grievance_photos",
        _l("photos joined to a report, re-encoded without any metadata (no place, no camera)"),
        export_heading=_l("Photos of my reports"), export_rank=12,
        legal_basis="legitimate_interest", people="members", retention="until parent_deleted",
        readers=("member", "volunteer"), member_link="member_id",
        columns=(
            Column("id", _l("row number")),
            Column("grievance_id", _l("the report it belongs to")),
            Column("member_id", _l("the tenant who sent it"), personal=True),
            Column("file_name", _l("random name of the file kept on the server"),
                   personal=True, file_folder="grievance_photos"),
            Column("width", _l("width in pixels")),
            Column("height", _l("height in pixels")),
            Column("created_at", _l("when it was sent")),
        ),
    ),
    Table(
        "pending_photos",
        _l("photos of a report sent back to its writer (to confirm or fix it), kept so that "
           "they need not be chosen again; only that browser can use them, for a day at most"),
        legal_basis="legitimate_interest", people="members", retention="1 day after created_at",
        readers=("system",),
        columns=(
            Column("id", _l("random id, carried by the report form in a signed field")),
            Column("file_name", _l("random name of the file kept on the server"),
                   personal=True, file_folder="pending_photos"),
            Column("width", _l("width in pixels")),
            Column("height", _l("height in pixels")),
            Column("created_at", _l("when it was sent")),
        ),
    ),
    Table(
        "grievance_notes",
        _l("volunteers' notes on a report, which the tenant concerned reads in their space"),
        export_heading=_l("Notes on my reports"), export_rank=11,
        legal_basis="legitimate_interest", people="members", retention="until parent_deleted",
        readers=("member", "volunteer"), member_link="member_id",
        columns=(
            Column("id", _l("row number")),
            Column("grievance_id", _l("the report")),
            Column("member_id", _l("the tenant who made the report"), personal=True),
            Column("volunteer_id", _l("the volunteer who wrote it"), personal=True),
            Column("volunteer_login", _l("their login name, shown to the tenant"),
                   personal=True),
            Column("created_at", label=_l("Written on"), purpose=_l("when it was written")),
            Column("text", label=_l("Note"),
                   purpose=_l("the note, screened for sensitive content"), personal=True,
                   sensitive=True, screened=True, flagged_retention=FLAGGED),
            Column("text_flags", _l("what the screen found in it, if the volunteer kept it"),
                   personal=True),
        ),
    ),
    Table(
        "grievances",
        _l("problems reported by tenants (repairs, damp, lifts, charges...): what, where, "
           "since when; never a name, a flat number or a phone number"),
        export_heading=_l("My reports"), export_rank=10,
        legal_basis="legitimate_interest", people="members",
        retention=AFTER_CLOSING, readers=("member", "volunteer"),
        member_link="member_id", search=("description", "building_id"),
        columns=(
            Column("id", _l("row number")),
            Column("reference", label=_l("Reference"),
                   purpose=_l("the report's reference, given to the tenant")),
            Column("member_id", _l("the tenant's personal key (as a row number)"),
                   personal=True),
            Column("building_id", label=_l("Building"), purpose=_l("the building concerned")),
            Column("category", label=_l("About"), words=categories.label,
                   purpose=_l("what it is about, from a closed list")),
            Column("description", label=_l("What I wrote"),
                   purpose=_l("what the tenant wrote, screened for sensitive content"),
                   personal=True, sensitive=True, screened=True, flagged_retention=FLAGGED),
            Column("description_flags", _l("what the screen found in it, if the tenant kept "
                                           "it"), personal=True),
            Column("since", label=_l("Since"), purpose=_l("since when (month)")),
            Column("status", label=_l("Where it stands"), words=categories.status_label,
                   purpose=_l("new, checked, in a collective case, sent, resolved or "
                                "closed")),
            Column("close_reason", label=_l("Why it was closed"), words=categories.close_reason_label,
                   purpose=_l("why it was closed, from a closed list")),
            Column("case_id", _l("the collective case it is part of")),
            Column("merged_into", _l("the report it duplicated, if merged")),
            Column("form_token", _l("the random one-time token of the form it was sent with, "
                                    "so that the same form sent twice makes one report"),
                   readers=("system",)),
            Column("created_at", label=_l("Reported on"), purpose=_l("when it was reported")),
            Column("updated_at", label=_l("Last change"), purpose=_l("when it last changed")),
            Column("closed_at", label=_l("Closed on"),
                   purpose=_l("when it was resolved or closed; 6 months later it is "
                                   "deleted with its photos and notes")),
            demo_flag(),
        ),
    ),
    Table(
        "grievance_supports",
        _l("“me too”: a household joining a problem already reported in its building, "
           "without writing anything"),
        export_heading=_l("Problems I joined (“me too”)"), export_rank=13,
        legal_basis="legitimate_interest", people="members",
        retention="183 days after created_at", readers=("member", "volunteer"),
        member_link="member_id",
        columns=(
            Column("id", _l("row number")),
            Column("member_id", _l("the tenant's personal key (as a row number)"),
                   personal=True),
            Column("building_id", label=_l("Building"), purpose=_l("the building")),
            Column("category", label=_l("About"), words=categories.label, purpose=_l("the kind of problem")),
            Column("created_at", label=_l("Joined on"), purpose=_l("when they joined")),
            demo_flag(),
        ),
    ),
    Table(
        "cases",
        _l("collective cases: the reports of one building grouped and sent together to the "
           "landlord; they hold counts, never a tenant"),
        legal_basis="legitimate_interest", people="volunteers", retention="keep",
        readers=("volunteer",),
        columns=(
            Column("id", _l("row number")),
            Column("building_id", _l("the building")),
            Column("category", _l("the kind of problem, if the case has one")),
            Column("title", _l("the case's title")),
            Column("theme", _l("what the case is about, in a few words"), screened=True,
                   flagged_retention=FLAGGED, personal=True),
            Column("theme_flags", _l("what the screen found in it"), personal=True),
            Column("demands", _l("the association's demands, written into the letter"),
                   screened=True, flagged_retention=FLAGGED, personal=True),
            Column("demands_flags", _l("what the screen found in them"), personal=True),
            Column("status", _l("open, sent, answered or closed")),
            Column("households", _l("how many households the letter speaks for (a count)")),
            Column("sent_on", _l("when the letter was sent")),
            Column("sent_facts", _l("the counts the letter stated when it was sent (households, "
                                    "reports, kinds, since when), kept as sent")),
            Column("sent_how", _l("how it was sent, and its proof (registered letter number...)"),
                   screened=True, flagged_retention=FLAGGED, personal=True),
            Column("sent_how_flags", _l("what the screen found in it"), personal=True),
            Column("response_due", _l("when the landlord should have answered")),
            Column("public_summary", _l("an optional summary for the public, written by a "
                                        "volunteer"), screened=True, flagged_retention=FLAGGED,
                   personal=True),
            Column("public_summary_flags", _l("what the screen found in it"), personal=True),
            Column("created_at", _l("when the case was opened")),
            Column("created_by", _l("the volunteer who opened it (login)"), personal=True),
            Column("grounds", _l("the letter's legal paragraph as a volunteer adjusted it "
                                 "(empty: the one of the case's kind of problem)"),
                   screened=True, flagged_retention=FLAGGED, personal=True),
            Column("grounds_flags", _l("what the screen found in it"), personal=True),
            Column("repairs_checked", _l("whether a volunteer checked that the problems are "
                                         "not tenant repairs (the letter then says so)")),
            Column("letter_sent", _l("the letter as it was sent, kept as evidence for a "
                                     "conciliation commission or a judge: counts, the law "
                                     "and the demands, never a tenant"),
                   screened=True, flagged_retention=FLAGGED, personal=True),
            Column("letter_sent_flags", _l("what the screen found in its demands or legal "
                                           "paragraph"), personal=True),
            demo_flag(),
        ),
    ),
    Table(
        "case_events",
        _l("the timeline of a collective case: letter sent, reply, visit, works, outcome"),
        legal_basis="legitimate_interest", people="volunteers", retention="until parent_deleted",
        readers=("volunteer",),
        columns=(
            Column("id", _l("row number")),
            Column("case_id", _l("the case")),
            Column("happened_on", _l("the day it happened")),
            Column("kind", _l("letter sent, reply, visit, works done, outcome or note")),
            Column("note", _l("what happened, in a few words"), screened=True,
                   flagged_retention=FLAGGED, personal=True),
            Column("note_flags", _l("what the screen found in it"), personal=True),
            Column("volunteer_login", _l("the volunteer who recorded it"), personal=True),
            Column("created_at", _l("when it was recorded")),
            demo_flag(),
        ),
    ),
)
