"""The editors' pages (``/benevoles/communiques/``): write, preview, submit, approve,
schedule, correct, withdraw, compare revisions. Thin views on their own blueprint,
``communiques_editor``: the rules are in workflow.py, the texts in revisions.py."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup

from .. import clock
from ..capability import collect
from ..dates import in_words
from ..db import get_db
from ..forms import ButtonForm, Confirmation, choices, confirmed
from ..markup import too_complex, too_long
from ..privacy import Flags
from ..urls import external_url, row_id
from ..volunteers import role_required
from . import diff, embeds, publication, replies, revisions, workflow
from .forms import CorrectionForm, DraftForm, PublishForm, ReplyForm, SettingsForm, WithdrawForm
from .labels import LANGUAGE_LABELS, REFUSED, STATUS_LABELS

bp = Blueprint("communiques_editor", __name__)
editor_required = role_required("editor")
admin_required = role_required("admin")


def _found(communique_id: int) -> dict:
    return revisions.get(get_db(), communique_id) or abort(404)


def _to_detail(communique_id: int):
    return redirect(url_for("communiques_editor.detail", communique_id=communique_id))


def _refused(error: workflow.WorkflowError, communique_id: int):
    flash(REFUSED[error.code], "error")
    return _to_detail(communique_id)


def _missing_embed(kind: str, argument: str) -> Markup:
    return Markup('<p class="embed-missing">{}</p>').format(
        _("Box [[%(kind)s:%(argument)s]]: nothing to show for it (yet). Readers will not "
          "see this paragraph until it exists.", kind=kind, argument=argument))


def preview(db, body: str, lang: str) -> Markup:
    """A text as its page would show it, embedded boxes included (or said to be missing)."""
    return embeds.apply(db, publication.body_html(body, lang), missing=_missing_embed)


@bp.get("/benevoles/communiques/")
@editor_required
def editor_list():
    """Every communiqué by state: awaiting approval first, then drafts, scheduled,
    published and withdrawn."""
    return render_template("communiques/editor/list.html",
                           groups=revisions.for_editors(get_db()), labels=STATUS_LABELS)


def _original_choices(db, exclude=None):
    return choices([(0, _("— none: this is an original text —"))] + [
        (cid, f"[{lang.upper()}] {title}") for cid, lang, title in
        revisions.originals(db, exclude)])


def _check_original(db, form) -> bool:
    """A translation's original exists and is in the other language."""
    original = form.original_id.data
    if not original:
        return True
    row = revisions.get(db, original)
    if row is None or row["lang"] == form.lang.data:
        form.original_id.errors.append(_("A translation is in another language than its "
                                         "original: choose the other language, or no "
                                         "original."))
        return False
    return True


def _form_page(template, form, db, status=200, **context):
    shown = None
    if form.preview.data and form.body.data and not too_long(form.body.data) \
            and not too_complex(form.body.data):
        shown = preview(db, form.body.data, getattr(form, "text_lang", None) or "fr")
    return render_template(template, form=form, preview_html=shown, **context), status


@bp.route("/benevoles/communiques/nouveau", methods=["GET", "POST"])
@editor_required
def new():
    """Begin a draft (``?version-de=<id>``: a version of another communiqué in the other
    language, its co-signatories copied)."""
    db = get_db()
    form = DraftForm()
    form.original_id.choices = _original_choices(db)
    started = _started_from(db, request.args.get("depuis", ""))
    if request.method == "GET" and started:
        form.title.data, form.body.data = started["title"], started["body"]
    source = request.args.get("version-de", type=row_id)
    if request.method == "GET" and source:
        original = revisions.get(db, source)
        if original and original["latest"]:
            form.lang.data = "en" if original["lang"] == "fr" else "fr"
            form.original_id.data = original["original_id"] or original["id"]
            form.cosignatories.data = original["latest"]["cosignatories"]
    if request.method == "POST" and not form.preview.data:
        if form.validate_on_submit() and _check_original(db, form):
            communique_id = workflow.create(db, current_user, form.lang.data, form.texts(),
                                            form.flags(), form.original_id.data or None)
            flash(_("Draft saved. Submit it for approval when it is ready."), "success")
            return _to_detail(communique_id)
        return _form_page("communiques/editor/edit.html", form, db, 400, communique=None)
    if form.preview.data:
        form.validate()
    return _form_page("communiques/editor/edit.html", form, db, communique=None,
                      sources=_sources(db), started=request.args.get("depuis", ""))


def _sources(db) -> list[tuple[object, list[tuple[str, str]]]]:
    """What a new communiqué may start from, by kind: (kind's label, [(value, label)])."""
    found = []
    for kind, source in collect("lends.draft_sources"):
        records = [(f"{kind}:{record_id}", label) for record_id, label in source.recent(db)]
        if records:
            found.append((source.label, records))
    return found


def _started_from(db, value: str) -> dict | None:
    """The title and text another capability proposes for ``kind:id`` (None if unknown)."""
    kind, _, record_id = value.partition(":")
    source = dict(collect("lends.draft_sources")).get(kind)
    if source is None or not record_id.isdigit() or len(record_id) > 12:
        return None
    return source.draft(db, int(record_id))


@bp.post("/benevoles/communiques/apercu")
@editor_required
def live_preview():
    """The preview of a text, as an HTML fragment, for the editing page's script."""
    body, lang = request.form.get("body", ""), request.form.get("lang", "fr")
    if too_long(body) or too_complex(body):
        return Markup('<p class="error">{}</p>').format(
            _("This text is too long or has too much markup to be previewed: save it to see "
              "why.")), 400
    return preview(get_db(), body, lang if lang in LANGUAGE_LABELS else "fr")


def _detail_page(communique, publish_form=None, status=200):
    db = get_db()
    latest = communique["latest"]
    pending = revisions.has_pending_correction(communique)
    public_html = None
    if communique["status"] in ("published", "withdrawn") and communique["html"]:
        public_html = embeds.apply(db, communique["html"], missing=_missing_embed)
    changes = None
    if pending:
        changes = diff.revisions(
            revisions.revision(db, communique["id"], communique["published_revision"]), latest)
    return render_template(
        "communiques/editor/detail.html", communique=communique, latest=latest,
        pending=pending, changes=changes, labels=STATUS_LABELS, languages=LANGUAGE_LABELS,
        text_html=(preview(db, latest["body"] or "", communique["lang"])
                   if latest and (pending or public_html is None) else None),
        public_html=public_html, versions=revisions.versions(db, communique),
        history=revisions.revisions(db, communique["id"]),
        may_approve=workflow.may_approve(db, communique, current_user),
        may_publish_alone=workflow.may_publish_alone(db, communique, current_user),
        awaiting=workflow.awaiting_approval(communique),
        publish_form=publish_form or PublishForm(formdata=None),
        public_url=(external_url("communiques.show", slug=communique["slug"])
                    if communique["slug"] else None)), status


@bp.get("/benevoles/communiques/<int:communique_id>")
@editor_required
def detail(communique_id):
    """One communiqué: its state, its text, what can be done next, its revisions."""
    return _detail_page(_found(communique_id))


@bp.route("/benevoles/communiques/<int:communique_id>/modifier", methods=["GET", "POST"])
@editor_required
def edit(communique_id):
    """Change a draft (a new revision), or propose a correction of a published text."""
    db = get_db()
    communique = _found(communique_id)
    latest = communique["latest"] or {}
    if communique["status"] == "withdrawn":
        flash(REFUSED["not_editable"], "error")
        return _to_detail(communique_id)
    correcting = communique["status"] == "published"
    if correcting:
        form = CorrectionForm(data={**latest, "note": latest.get("note")
                                    if revisions.has_pending_correction(communique) else ""})
        form.text_lang = communique["lang"]
        template = "communiques/editor/correct.html"
    else:
        form = DraftForm(data={**latest, "lang": communique["lang"],
                               "original_id": communique["original_id"] or 0})
        form.original_id.choices = _original_choices(db, communique_id)
        template = "communiques/editor/edit.html"
    if request.method == "POST" and not form.preview.data:
        if form.validate_on_submit() and (correcting or _check_original(db, form)):
            try:
                if correcting:
                    workflow.propose_correction(db, communique_id, current_user, form.texts(),
                                                form.flags())
                    flash(_("Correction proposed: another editor must now approve it."),
                          "success")
                else:
                    _save_draft(db, communique, form)
            except workflow.WorkflowError as error:
                if error.code != "unchanged":
                    return _refused(error, communique_id)
                form.body.errors.append(REFUSED["unchanged"])
            else:
                return _to_detail(communique_id)
        return _form_page(template, form, db, 400, communique=communique)
    if form.preview.data:
        form.validate()
    return _form_page(template, form, db, communique=communique)


def _save_draft(db, communique, form) -> None:
    number = workflow.save_draft(db, communique["id"], current_user, form.texts(),
                                 form.flags(), form.lang.data, form.original_id.data or None)
    if number is None:
        flash(_("Nothing had changed: no new revision."), "info")
    elif communique["status"] != "draft":
        flash(_("Revision %(n)s saved. The text changed, so it is a draft again: submit it "
                "for approval once more.", n=number), "success")
    else:
        flash(_("Revision %(n)s saved.", n=number), "success")


def _step(communique_id, action, success):
    """Run a one-button step (with its CSRF check), then go back to the communiqué."""
    db = get_db()
    _found(communique_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        action(db, communique_id, current_user)
    except workflow.WorkflowError as error:
        return _refused(error, communique_id)
    flash(success, "success")
    return _to_detail(communique_id)


@bp.post("/benevoles/communiques/<int:communique_id>/soumettre")
@editor_required
def submit(communique_id):
    """Ask a second editor to approve the draft."""
    return _step(communique_id, workflow.submit,
                 _("Submitted: another editor can now approve it."))


@bp.post("/benevoles/communiques/<int:communique_id>/brouillon")
@editor_required
def back_to_draft(communique_id):
    """Take back a communiqué awaiting approval or scheduled."""
    return _step(communique_id, workflow.return_to_draft,
                 _("It is a draft again; nothing will be published."))


@bp.post("/benevoles/communiques/<int:communique_id>/abandonner")
@editor_required
def discard(communique_id):
    """Discard a proposed correction; the published text stays as it is."""
    return _step(communique_id, workflow.discard_correction,
                 _("The proposed correction was discarded."))


def _release(communique_id, step):
    db = get_db()
    communique = _found(communique_id)
    form = PublishForm()
    if not form.validate_on_submit():
        if not workflow.awaiting_approval(communique) and communique["status"] != "draft":
            return _refused(workflow.WorkflowError("not_submitted"), communique_id)
        return _detail_page(communique, publish_form=form, status=400)
    try:
        outcome = step(db, communique_id, current_user, form.moment())
    except workflow.WorkflowError as error:
        return _refused(error, communique_id)
    found = revisions.get(db, communique_id)
    flash({"published": _("The communiqué is published."),
           "corrected": _("The correction is published: the page and the feed show it."),
           "scheduled": _("Approved: it will be published on %(moment)s.",
                          moment=in_words(found["publish_at"] or clock.stamp()))
           }[outcome], "success")
    return _to_detail(communique_id)


@bp.post("/benevoles/communiques/<int:communique_id>/approuver")
@editor_required
def approve(communique_id):
    """A second editor approves: published now, or scheduled."""
    return _release(communique_id, workflow.approve)


@bp.post("/benevoles/communiques/<int:communique_id>/publier-seul")
@editor_required
def publish_alone(communique_id):
    """An administrator publishes without a second editor (when the settings allow it)."""
    return _release(communique_id, workflow.publish_alone)


@bp.route("/benevoles/communiques/<int:communique_id>/retirer", methods=["GET", "POST"])
@editor_required
def withdraw(communique_id):
    """Withdraw a published communiqué, with a notice shown in its place."""
    db = get_db()
    communique = _found(communique_id)
    if communique["status"] != "published":
        return _refused(workflow.WorkflowError("not_published"), communique_id)
    form = WithdrawForm()
    form.text_lang = communique["lang"]
    if form.validate_on_submit():
        workflow.withdraw(db, communique_id, current_user, form.notice.data,
                          Flags.found_in(form.notice))
        flash(_("The communiqué is withdrawn: its page now shows your notice."), "success")
        return _to_detail(communique_id)
    still = [v for v in revisions.versions(db, communique) if v["status"] == "published"]
    return render_template(
        "communiques/editor/withdraw.html", communique=communique, form=form,
        public_url=external_url("communiques.show", slug=communique["slug"]),
        versions=still, kept=len(revisions.revisions(db, communique_id)),
        pending=revisions.has_pending_correction(communique)), 400 if form.errors else 200


@bp.route("/benevoles/communiques/<int:communique_id>/droit-de-reponse", methods=["GET", "POST"])
@editor_required
def reply(communique_id):
    """Publish a reply under a published communiqué (right of reply), as received."""
    db = get_db()
    communique = _found(communique_id)
    if communique["status"] != "published":
        return _refused(workflow.WorkflowError("not_published"), communique_id)
    form = ReplyForm()
    form.published_on = publication.local_date(communique["published_at"])
    if form.validate_on_submit():
        replies.add(db, communique_id, form.author.data, form.received_on.data, form.text.data,
                    by=current_user)
        flash(_("The reply is published under the communiqué and in its feed entry."),
              "success")
        return _to_detail(communique_id)
    return render_template(
        "communiques/editor/reply.html", communique=communique, form=form,
        replies=replies.of(db, communique_id),
        public_url=external_url("communiques.show", slug=communique["slug"]),
        insert_within=replies.INSERT_WITHIN), 400 if form.errors else 200


@bp.route("/benevoles/communiques/<int:communique_id>/supprimer", methods=["GET", "POST"])
@editor_required
def delete(communique_id):
    """Delete a communiqué never published, after confirmation."""
    db = get_db()
    communique = _found(communique_id)
    if communique["published_at"]:
        return _refused(workflow.WorkflowError("published_once"), communique_id)
    if not confirmed():
        count = len(revisions.revisions(db, communique_id))
        title = communique["latest"]["title"] if communique["latest"] else ""
        return Confirmation(
            title=_("Delete the draft « %(title)s »?", title=title),
            consequences=[ngettext("Its %(num)s revision is deleted.",
                                   "Its %(num)s revisions are deleted.", count),
                          _("Nothing has been published: no reader will notice.")],
            irreversible=_("A deleted draft cannot be restored."),
            action=url_for("communiques_editor.delete", communique_id=communique_id),
            confirm=_("Delete the draft"),
            cancel=url_for("communiques_editor.detail", communique_id=communique_id)).page()
    try:
        workflow.delete(db, communique_id, current_user)
    except workflow.WorkflowError as error:
        return _refused(error, communique_id)
    flash(_("Draft deleted."), "success")
    return redirect(url_for("communiques_editor.editor_list"))


@bp.get("/benevoles/communiques/<int:communique_id>/revisions/<int:number>")
@editor_required
def revision(communique_id, number):
    """One revision as it was written: its text shown and its source."""
    db = get_db()
    communique = _found(communique_id)
    found = revisions.revision(db, communique_id, number) or abort(404)
    return render_template("communiques/editor/revision.html", communique=communique,
                           revision=found, text_html=preview(db, found["body"] or "",
                                                             communique["lang"]))


@bp.get("/benevoles/communiques/<int:communique_id>/ecarts")
@editor_required
def compare(communique_id):
    """What changed between two revisions (by default, the latest and the one before)."""
    db = get_db()
    communique = _found(communique_id)
    history = revisions.revisions(db, communique_id)
    numbers = [row["number"] for row in history]
    newer = request.args.get("a", type=int)
    newer = newer if newer in numbers else (numbers[0] if numbers else 0)
    older = request.args.get("de", type=int)
    if older not in numbers and older != 0:
        older = max([n for n in numbers if n < newer], default=0)
    new_revision = revisions.revision(db, communique_id, newer) or abort(404)
    old_revision = revisions.revision(db, communique_id, older)
    return render_template("communiques/editor/compare.html", communique=communique,
                           history=history, older=older, newer=newer,
                           changes=diff.revisions(old_revision, new_revision))


@bp.route("/benevoles/communiques/reglages", methods=["GET", "POST"])
@admin_required
def settings():
    """Whether administrators may publish without a second editor."""
    db = get_db()
    form = SettingsForm(data={"admins_publish_alone":
                              bool(workflow.settings(db)["admins_publish_alone"])})
    if form.validate_on_submit():
        workflow.save_settings(db, current_user, form.admins_publish_alone.data)
        flash(_("Settings saved."), "success")
        return redirect(url_for("communiques_editor.settings"))
    return render_template("communiques/editor/settings.html", form=form), \
        400 if form.errors else 200
