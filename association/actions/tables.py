"""The actions' tables, as declared in the inventory."""
from flask_babel import lazy_gettext as _l

from ..inventory import Column, Table, demo_flag

RSVP_DAYS = 30  # an answer's token goes 30 days after the action
ASSIGNEE_DAYS = 183  # about six months: who took which task
FLAGGED_DAYS = 30  # confirmed flagged text, after the action

TABLES: tuple[Table, ...] = (
    Table(
        "actions",
        _l("the association's collective actions (assemblies, meetings, rallies, delegations...):"
           " the agenda and its archive"),
        legal_basis="legitimate_interest", people="none", retention="keep",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("uid", _l("the action's lasting identifier in calendar apps")),
            Column("kind", _l("kind of action, from a closed list")),
            Column("title", _l("title"), screened=True,
                   flagged_retention=f"{FLAGGED_DAYS} days after ends_at"),
            Column("title_flags", _l("what the sensitive-content screen found in the title, "
                                     "if the writer kept it")),
            Column("starts_at", _l("when it starts")),
            Column("ends_at", _l("when it ends")),
            Column("place", _l("where it takes place"), screened=True,
                   flagged_retention=f"{FLAGGED_DAYS} days after ends_at"),
            Column("place_flags", _l("what the screen found in the place, if kept")),
            Column("place_reveal_hours", _l("for a sensitive action: the place is given only to "
                                            "those who answered, this many hours before the "
                                            "start")),
            Column("description", _l("description, as written (Markdown)"), screened=True,
                   flagged_retention=f"{FLAGGED_DAYS} days after ends_at"),
            Column("description_flags", _l("what the screen found in the description, if kept")),
            Column("description_html", _l("the description made into a web page once, when "
                                          "saved; emptied with the description")),
            Column("visibility", _l("who sees it: anyone, members with a key, or volunteers")),
            Column("capacity", _l("how many people may answer that they will come, if "
                                  "limited")),
            Column("show_count", _l("whether the number of people who answered is shown")),
            Column("status", _l("planned or cancelled")),
            Column("sequence", _l("how many times it was changed, so calendar apps take the "
                                  "latest version")),
            Column("rsvp_count", _l("how many people said they would come: a number, never "
                                    "who")),
            Column("confirmed_count", _l("how many of them answered with a key a volunteer "
                                         "confirmed in person: the number published (from 3 "
                                         "on), which free keys cannot move")),
            Column("created_at", _l("when it was created")),
            Column("updated_at", _l("when it was last changed")),
            demo_flag(),
        ),
    ),
    Table(
        "action_rsvps",
        _l("answers \"I'll come\": no name, no address, no trace of the browser; only a "
           "keyed hash of the random token the person keeps to cancel, and how many they "
           "are"),
        export_heading=_l("My answers to actions"), export_rank=30,
        legal_basis="legitimate_interest", people="members",
        retention=f"{RSVP_DAYS} days after action_ends_at", readers=("member",),
        member_link="member_id",
        columns=(
            Column("token_hash", _l("keyed hash of the answer's token (the token itself is "
                                    "kept only by the person, in their browser and link)"),
                   readers=("system",)),
            Column("action_id", _l("the action")),
            Column("people", label=_l("People"), purpose=_l("how many people the answer counts")),
            Column("member_id", _l("the member, only if they chose to tie the answer to "
                                   "their personal key (for a reminder in their space)"),
                   personal=True),
            Column("action_ends_at", _l("when the action ends, from which the answer is "
                                        "deleted")),
            Column("confirmed", _l("whether the answer is tied to a key a volunteer confirmed "
                                   "(it then counts in the published number)")),
        ),
    ),
    Table(
        "action_tasks",
        _l("each action's checklist, and which volunteer took which task"),
        legal_basis="legitimate_interest", people="volunteers", retention="keep",
        readers=("volunteer",),
        columns=(
            Column("id", _l("row number")),
            Column("action_id", _l("the action")),
            Column("template", _l("which standard task, from a closed list")),
            Column("label", _l("a task written by a volunteer"), screened=True,
                   flagged_retention=f"{FLAGGED_DAYS} days after action_ends_at"),
            Column("label_flags", _l("what the screen found in the task, if kept")),
            Column("position", _l("order in the checklist")),
            Column("assignee_id", _l("the volunteer who took the task"), personal=True,
                   retention=f"{ASSIGNEE_DAYS} days after action_ends_at"),
            Column("assignee_login", _l("their pseudonym, as shown on the checklist"),
                   personal=True, retention=f"{ASSIGNEE_DAYS} days after action_ends_at"),
            Column("done_at", _l("when it was ticked off")),
            Column("reminded_on", _l("the day the reminder was put on the assignee's "
                                     "dashboard")),
            Column("action_ends_at", _l("when the action ends, from which the pseudonym is "
                                        "deleted")),
            Column("created_at", _l("when the task was added")),
        ),
    ),
)
