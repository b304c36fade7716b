"""The tables of joint access requests, as declared in the inventory."""
from flask_babel import lazy_gettext as _l

from ..inventory import Column, Table, demo_flag
from . import labels

FLAGGED_TEXT = "180 days after updated_at"  # confirmed sensitive text in a campaign
RETENTION_DAYS = 365  # trackers of a closed campaign become anonymous counts after this

TABLES: tuple[Table, ...] = (
    Table(
        "campaigns",
        _l("joint access requests: the data controller asked, the explanation and the letter "
           "tenants send, the dates"),
        legal_basis="legitimate_interest", people="contacts", retention="keep",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("slug", _l("the campaign's name in its address")),
            Column("title", _l("title of the campaign")),
            Column("landlord_id", _l("the landlord whose details were used, if any")),
            Column("controller_name", _l("name of the data controller the letters go to")),
            Column("controller_address", _l("postal address of the data controller")),
            Column("dpo_email", _l("e-mail of the controller's data protection officer"),
                   personal=True, retention="until replaced"),
            Column("dpo_address", _l("postal address of the controller's data protection "
                                     "officer, when it has its own")),
            Column("siren", _l("company number (SIREN) of the controller")),
            Column("explanation", _l("why the campaign, written by the association (Markdown)"),
                   screened=True, flagged_retention=FLAGGED_TEXT),
            Column("explanation_flags", _l("what the screen found in the explanation, when "
                                           "kept as written")),
            Column("explanation_html", _l("the explanation rendered once for the page")),
            Column("letter_fr", _l("the letter's French template, with placeholders (never "
                                   "a tenant's details)"),
                   screened=True, flagged_retention=FLAGGED_TEXT),
            Column("letter_fr_flags", _l("what the screen found in the French template")),
            Column("letter_en", _l("the letter's English template, with placeholders"),
                   screened=True, flagged_retention=FLAGGED_TEXT),
            Column("letter_en_flags", _l("what the screen found in the English template")),
            Column("opens_on", _l("first day tenants can join")),
            Column("closes_on", _l("last day tenants can join")),
            Column("created_at", _l("when the campaign was created")),
            Column("updated_at", _l("when the campaign was last changed")),
            demo_flag(),
        ),
    ),
    Table(
        "trackers",
        _l("one per member following their access request: dates, channel and what the "
           "answer held. Never the letter's name, address or reference, never the "
           "landlord's reply itself"),
        export_heading=_l("My access requests"), export_rank=20,
        legal_basis="legitimate_interest", people="members",
        retention=f"{RETENTION_DAYS} days after campaign_closed_at", readers=("member",),
        member_link="member_id",
        columns=(
            Column("id", _l("row number")),
            Column("campaign_id", _l("the campaign")),
            Column("member_id", _l("the member following the request"), personal=True),
            Column("created_at", _l("when the member started following it"), personal=True),
            Column("state", label=_l("Where it stands"), words=labels.state_label,
                   purpose=_l("to send, awaiting a reply, due within 7 days, overdue, "
                               "answered, complaint ready")),
            Column("sent_on", label=_l("Sent on"),
                   purpose=_l("when the member sent the letter"), personal=True),
            Column("channel", label=_l("How"), words=labels.channel_label,
                   purpose=_l("how: e-mail, post, registered post, by hand"), personal=True),
            Column("received_on", label=_l("Received on"),
                   purpose=_l("when the landlord received it (or an estimate)"),
                   personal=True),
            Column("received_estimated", _l("whether the receipt date is an estimate")),
            Column("due_on", label=_l("Answer due by"),
                   purpose=_l("the legal deadline for the answer"), personal=True),
            Column("extension_notice_on", _l("when the landlord announced an extension"),
                   personal=True),
            Column("extension_reasons", _l("whether the extension notice gave its reasons "
                                           "(without them, it extends nothing)")),
            Column("extended_due_on", _l("the deadline once extended"), personal=True),
            Column("deadline_on", label=_l("Deadline in force"),
                   purpose=_l("the deadline in force"), personal=True),
            Column("followed_up_on", _l("when the member sent the follow-up letter"),
                   personal=True),
            Column("followed_up_channel", _l("how the follow-up letter went"), personal=True),
            Column("complaint_on", _l("the first day the complaint pack is ready"),
                   personal=True),
            Column("identity_asked_on", _l("when the landlord asked the member to prove who "
                                           "they are"), personal=True),
            Column("identity_answered_on", _l("when the member answered that request"),
                   personal=True),
            Column("identity_justified", _l("whether that request was justified by a "
                                            "reasonable doubt (only then does it pause the "
                                            "deadline)"), personal=True),
            Column("fee_asked_on", _l("when the landlord asked for a fee"), personal=True),
            Column("answered_on", label=_l("Answered on"), purpose=_l("when the answer came"), personal=True),
            Column("grade", label=_l("The answer"), words=labels.grade_label,
                   purpose=_l("complete, partial, refusal or off the point"), personal=True),
            Column("checklist", _l("which items of article 15 the answer gave"), personal=True),
            Column("copy_received", _l("whether a copy of the data came"), personal=True),
            Column("comments_disclosed", _l("whether comment zones were disclosed"),
                   personal=True),
            Column("access_log_disclosed", _l("whether the log of who consulted the file was "
                                              "disclosed"), personal=True),
            Column("reminded_on", _l("when the overdue reminder was queued")),
            Column("campaign_closed_at", _l("when the campaign closed; %(days)s days later "
                                            "the tracker is deleted, only counts remain",
                                            days=RETENTION_DAYS)),
            demo_flag(),
        ),
    ),
    Table(
        "campaign_counts",
        _l("the campaigns' public results as counts kept up to date (no member, no date of "
           "anyone): what remains of trackers once deleted"),
        legal_basis="not_personal", people="none", retention="keep", readers=("public",),
        columns=(
            Column("campaign_id", _l("the campaign")),
            Column("name", _l("what is counted (a state, a missing item...)")),
            Column("n", _l("how many")),
        ),
    ),
)
