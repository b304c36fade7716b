"""The communiqués' tables, as declared in the inventory."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from ..i18n import lazy_duration
from ..inventory import Column, Table, demo_flag

DRAFT_DAYS = 365  # a draft nobody touched for a year goes, with its revisions
FLAGGED_DRAFT_DAYS = 90  # confirmed sensitive text of an unpublished revision goes sooner
FLAGGED_NOTICE_DAYS = 90  # and so does that of a withdrawal notice

_DRAFT_RULE = f"{DRAFT_DAYS} days after draft_touched_at"
_FLAGGED_DRAFT = f"{FLAGGED_DRAFT_DAYS} days after draft_touched_at"

TABLES: tuple[Table, ...] = (
    Table(
        "communiques",
        _l("the association's communiqués: published ones are public records, kept "
           "indefinitely; a draft never published and untouched for %(duration)s is deleted",
           duration=lazy_duration(timedelta(days=DRAFT_DAYS))),
        legal_basis="not_personal", people="none", retention=_DRAFT_RULE,
        readers=("editor",),
        columns=(
            Column("id", _l("row number")),
            Column("lang", _l("language of the text (French or English)"), readers=("public",)),
            Column("original_id", _l("the communiqué this one translates, if any"),
                   readers=("public",)),
            Column("status", _l("draft, awaiting approval, scheduled, published or withdrawn")),
            Column("slug", _l("the public address, made once from the date and the title"),
                   readers=("public",)),
            Column("feed_id", _l("permanent identifier in the Atom feed"), readers=("public",)),
            Column("publish_at", _l("when a scheduled communiqué goes public")),
            Column("published_at", _l("when it was first published"), readers=("public",)),
            Column("updated_at", _l("when it was last published or corrected"),
                   readers=("public",)),
            Column("published_revision", _l("which revision of the text is public")),
            Column("html", _l("the public text, rendered once at publication and at each "
                              "correction, with its correction notes"), readers=("public",)),
            Column("summary", _l("the opening of the public text, for previews and the feed"),
                   readers=("public",)),
            Column("withdrawn_at", _l("when it was withdrawn"), readers=("public",)),
            Column("withdrawal_notice", _l("why it was withdrawn, shown in its place"),
                   readers=("public",), screened=True,
                   flagged_retention=f"{FLAGGED_NOTICE_DAYS} days after withdrawn_at"),
            Column("withdrawal_notice_flags", _l("what the sensitive-content screen found in "
                                                 "the withdrawal notice (categories only)")),
            Column("created_at", _l("when the draft was begun")),
            Column("draft_touched_at", _l("last change while never published (emptied at "
                                          "publication); counts down the deletion of drafts")),
            demo_flag(),
        ),
    ),
    Table(
        "communique_revisions",
        _l("every version of a communiqué's text, with who wrote and who approved it and "
           "when; the published ones are kept with the communiqué, those of a deleted draft "
           "go with it"),
        legal_basis="legitimate_interest", people="volunteers", retention=_DRAFT_RULE,
        readers=("editor",),
        columns=(
            Column("id", _l("row number")),
            Column("communique_id", _l("the communiqué")),
            Column("number", _l("the revision's number, from 1")),
            Column("title", _l("title"), screened=True, flagged_retention=_FLAGGED_DRAFT),
            Column("title_flags", _l("what the sensitive-content screen found in the title "
                                     "(categories only)")),
            Column("body", _l("the text, in Markdown"), screened=True,
                   flagged_retention=_FLAGGED_DRAFT),
            Column("body_flags", _l("what the sensitive-content screen found in the text "
                                    "(categories only)")),
            Column("cosignatories", _l("organisations that sign with the association"),
                   screened=True, flagged_retention=_FLAGGED_DRAFT),
            Column("cosignatories_flags", _l("what the sensitive-content screen found in the "
                                             "co-signatories (categories only)")),
            Column("note", _l("for a correction: what was corrected, shown as a dated note"),
                   screened=True, flagged_retention=_FLAGGED_DRAFT),
            Column("note_flags", _l("what the sensitive-content screen found in the note "
                                    "(categories only)")),
            Column("author_id", _l("the editor who wrote this revision"), personal=True),
            Column("author_login", _l("their login name at the time"), personal=True),
            Column("created_at", _l("when the revision was written"), personal=True),
            Column("approved_by", _l("the second editor who approved it"), personal=True),
            Column("approved_login", _l("their login name at the time"), personal=True),
            Column("approved_at", _l("when it was approved"), personal=True),
            Column("published_at", _l("when this revision went public")),
            Column("draft_touched_at", _l("last change of the unpublished text (emptied at "
                                          "publication): drafts go %(duration)s later, "
                                          "confirmed sensitive text %(flagged)s later",
                                          duration=lazy_duration(timedelta(days=DRAFT_DAYS)),
                                          flagged=lazy_duration(
                                              timedelta(days=FLAGGED_DRAFT_DAYS)))),
        ),
    ),
    Table(
        "communique_replies",
        _l("replies published under a communiqué at the request of a person or organisation it "
           "named (right of reply, LCEN art. 6 IV): kept and shown as long as the communiqué"),
        legal_basis="legal_obligation", people="respondents", retention="until parent_deleted",
        readers=("public",),
        columns=(
            Column("id", _l("row number")),
            Column("communique_id", _l("the communiqué replied to")),
            Column("author", _l("who replies (a person or an organisation), as they sign"),
                   personal=True),
            Column("received_on", _l("when the request for a reply was received (within three "
                                     "months of publication; inserted within three days)")),
            # Not screened: the law requires the reply to be published as received; the
            # directeur de la publication may refuse one, never rewrite it.
            Column("text", _l("the reply, as received"), personal=True),
            Column("added_by", _l("the editor who published it"), personal=True,
                   readers=("editor",)),
            Column("added_login", _l("their login name at the time"), personal=True,
                   readers=("editor",)),
            Column("created_at", _l("when it was published")),
            demo_flag(),
        ),
    ),
    Table(
        "communique_settings",
        _l("how communiqués are approved in this association"),
        legal_basis="not_personal", people="none", retention="keep",
        readers=("admin", "editor"),
        columns=(
            Column("id", _l("always 1")),
            Column("admins_publish_alone", _l("whether an administrator may publish without a "
                                              "second editor's approval (each time logged)")),
        ),
    ),
)
