"""Forms of the communiqués: a draft, a correction, publication, withdrawal, the setting.

Every free text goes through the sensitive-content screen in the language it is written in
(a communiqué must never name a tenant's health or origin by accident), and Markdown is
refused, with the reason, when it is too long or too complex to render safely.
"""
from datetime import datetime, timedelta, timezone

from flask_babel import format_decimal, get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, RadioField, SelectField, StringField, SubmitField,
                     TextAreaField, TimeField)
from wtforms.validators import DataRequired, Length, Optional, StopValidation, ValidationError

from .. import clock
from ..forms import DateField, Form, Screened, choices
from ..markup import MAX_BRACKETS, MAX_SOURCE_CHARS, too_complex, too_long
from ..privacy import Flags, find_sensitive
from .labels import LANGUAGE_LABELS
from .revisions import MAX_COSIGNATORIES

REQUIRED = _l("This field is required.")
TITLE_CHARS = 200
NOTE_CHARS = 2000
NOTICE_CHARS = 1000
ORGANISATION_CHARS = 150
SCHEDULE_AHEAD = timedelta(days=366)
KEEP = _l("Keep it as written")


class ScreenedText(Screened):
    """The screen, in the language of the text (``form.text_lang``) rather than the page's."""

    def __call__(self, form, field):
        lang = getattr(form, "text_lang", None) or str(get_locale() or "fr")
        field.findings = find_sensitive(field.data or "", lang)
        if field.findings and not form[self.confirm].data:
            raise ValidationError(_l(
                "This text mentions %(categories)s. Rewrite it, or tick the box below to keep "
                "it as written.", categories=", ".join(str(label) for label in
                                                      Flags.of(field.findings).labels())))


def markdown_source(form, field):
    """Refuse, saying why, a text the renderer must not be given (see markup.py)."""
    text = field.data or ""
    if too_long(text):
        raise StopValidation(_l(
            "This text is too long: at most %(max)s characters, and it has %(n)s. Split it "
            "into two communiqués, or shorten it.", max=format_decimal(MAX_SOURCE_CHARS),
            n=format_decimal(len(text))))
    if too_complex(text):
        raise StopValidation(_l(
            "This text has too much markup to be shown safely: at most %(max)s links or "
            "tags, every bracket and every tag closed, and lists or quotes nested a few levels "
            "at most.", max=MAX_BRACKETS))


def organisations(form, field):
    """At most MAX_COSIGNATORIES lines, each a reasonable name."""
    lines = [line for line in (field.data or "").splitlines() if line.strip()]
    if len(lines) > MAX_COSIGNATORIES:
        raise ValidationError(_l("At most %(n)s organisations.", n=MAX_COSIGNATORIES))
    if any(len(line.strip()) > ORGANISATION_CHARS for line in lines):
        raise ValidationError(_l("An organisation's name has at most %(n)s characters.",
                                 n=ORGANISATION_CHARS))


class TextFields(Form):
    """What every version of a communiqué has: title, text, co-signatories."""

    text_lang: str | None = None
    title = StringField(_l("Title"), validators=[
        DataRequired(REQUIRED), Length(max=TITLE_CHARS), ScreenedText("keep_title")])
    keep_title = BooleanField(KEEP)
    body = TextAreaField(_l("Text, in Markdown"), validators=[
        DataRequired(REQUIRED), markdown_source, ScreenedText("keep_body")],
        render_kw={"rows": 18, "spellcheck": "true"})
    keep_body = BooleanField(KEEP)
    cosignatories = TextAreaField(_l("Co-signatory organisations (optional), one per line"),
                                  validators=[Optional(), organisations,
                                              ScreenedText("keep_cosignatories")],
                                  render_kw={"rows": 3})
    keep_cosignatories = BooleanField(KEEP)
    preview = SubmitField(_l("Preview"))

    def texts(self) -> dict:
        """The texts as ``revisions`` stores them."""
        return {"title": self.title.data, "body": self.body.data,
                "cosignatories": self.cosignatories.data,
                "note": getattr(getattr(self, "note", None), "data", None)}

    def flags(self) -> dict:
        """The screen's categories found in each text (kept only when confirmed)."""
        fields = {"title": self.title, "body": self.body, "cosignatories": self.cosignatories,
                  "note": getattr(self, "note", None)}
        return {name: Flags.found_in(field) for name, field in fields.items() if field is not None}


class DraftForm(TextFields):
    """A draft: its language, what it translates, and its texts."""

    # No "required": a select always has a value, and the choice is checked against the list.
    lang = SelectField(_l("Language of the text"), choices=choices(LANGUAGE_LABELS.items()))
    original_id = SelectField(_l("Translation of (optional)"), coerce=int, default=0)
    submit = SubmitField(_l("Save the draft"))

    def validate(self, extra_validators=None):
        """Validate, screening the texts in the language chosen for them."""
        if self.lang.data in LANGUAGE_LABELS:
            self.text_lang = self.lang.data
        return super().validate(extra_validators)


class CorrectionForm(TextFields):
    """A correction: the corrected texts and a note saying what was corrected."""

    note = TextAreaField(_l("What was corrected (shown under the communiqué, dated)"),
                         validators=[DataRequired(REQUIRED), Length(max=NOTE_CHARS),
                                     markdown_source, ScreenedText("keep_note")],
                         render_kw={"rows": 3})
    keep_note = BooleanField(KEEP)
    submit = SubmitField(_l("Propose the correction"))


class PublishForm(Form):
    """When an approved communiqué goes public: now, or at a date and time."""

    when = RadioField(_l("When should it be published?"), default="now",
                      choices=choices([("now", _l("Now")), ("later", _l("At a date and time"))]),
                      validators=[DataRequired(REQUIRED)])
    day = DateField(_l("Date (if later)"), validators=[Optional()])
    time = TimeField(_l("Time (if later)"), validators=[Optional()])
    submit = SubmitField(_l("Approve"))

    def moment(self) -> datetime | None:
        """The chosen moment (aware, UTC), or None for now."""
        if self.when.data != "later":
            return None
        local = datetime.combine(self.day.data, self.time.data, clock.zone())
        return local.astimezone(timezone.utc)

    def validate_day(self, field):
        """A later publication needs a date and time, in the future, within a year."""
        if self.when.data != "later":
            return
        if field.data is None or self.time.data is None:
            raise ValidationError(_l("Give the date and the time of publication."))
        moment = self.moment()
        now = clock.now()
        if moment <= now:
            raise ValidationError(_l("This moment is already past: choose a later one, or "
                                     "publish now."))
        if moment > now + SCHEDULE_AHEAD:
            raise ValidationError(_l("Choose a moment within a year."))


class WithdrawForm(Form):
    """Withdraw a published communiqué, saying why (shown in its place)."""

    text_lang: str | None = None
    notice = TextAreaField(_l("Notice shown in its place"),
                           validators=[DataRequired(REQUIRED), Length(max=NOTICE_CHARS),
                                       ScreenedText("keep_notice")], render_kw={"rows": 3})
    keep_notice = BooleanField(KEEP)
    submit = SubmitField(_l("Withdraw the communiqué"))


class ReplyForm(Form):
    """Publish a reply under a communiqué (right of reply), as received."""

    published_on = None  # the communiqué's first publication day, set by the view
    author = StringField(_l("Who replies (a person or an organisation, as they sign)"),
                         validators=[DataRequired(_l("Say who replies.")),
                                     Length(max=ORGANISATION_CHARS)])
    received_on = DateField(_l("Request received on"),
                            validators=[DataRequired(_l("Give the date the request came."))])
    text = TextAreaField(_l("The reply, as received"), validators=[
        DataRequired(_l("Paste the text of the reply.")), Length(max=NOTE_CHARS * 3)],
        render_kw={"rows": 10})
    submit = SubmitField(_l("Publish the reply"))

    def validate_received_on(self, field):
        """Between the communiqué's publication and today."""
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))
        if field.data and self.published_on and field.data < self.published_on:
            raise ValidationError(_l("The communiqué was published after this date."))


class SettingsForm(Form):
    """How communiqués are approved in this association."""

    admins_publish_alone = BooleanField(
        _l("An administrator may publish a communiqué without a second editor's approval "
           "(each time written in the audit log)"))
    submit = SubmitField(_l("Save"))
