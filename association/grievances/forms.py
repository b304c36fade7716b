"""Forms of grievances and collective cases. Messages are lazy: they follow the page's
language; every free text goes through the sensitive-content screen."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, MultipleFileField
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from .. import clock
from ..forms import DateField, Form, MultiCheckboxField, OptionalChoice, Screened, choices
from . import categories

DESCRIPTION_MAX = 4000
NOTE_MAX = 2000
MAX_PHOTOS = 3
KEEP = _l("I have read this and keep my text as written")


def whole_number(value):
    """A select's value as a number, or None for the empty placeholder."""
    return int(value) if value not in ("", None) else None


def month(form, field):
    """``since`` is a month (YYYY-MM) between 1950 and this month."""
    if not field.data:
        return
    try:
        year, number = (int(part) for part in field.data.split("-"))
        chosen = date(year, number, 1)
    except ValueError:
        raise ValidationError(_l("Give the month as year-month, for example 2026-03.")) \
            from None
    today = clock.today()
    if chosen > today.replace(day=1):
        raise ValidationError(_l("This month has not come yet: give the month the problem "
                                 "started."))
    if chosen.year < 1950:
        raise ValidationError(_l("Give a month after 1950."))


def at_most_photos(form, field):
    """No more than three photos, counting those kept from a previous send."""
    sent = len([f for f in field.data or [] if getattr(f, "filename", "")])
    if sent + form.kept_photos > MAX_PHOTOS:
        raise ValidationError(_l("At most %(n)s photos, please.", n=MAX_PHOTOS))


class ReportForm(Form):
    """Report a problem: building, kind, what and since when, photos; no name, no flat."""

    building = SelectField(_l("Building"), coerce=whole_number, validate_choice=False,
                           validators=[DataRequired(_l("Choose your building in the list."))])
    category = SelectField(_l("What it is about"), choices=choices(
        [("", _l("— choose —"))] + list(categories.CATEGORIES.items())), validators=[
        DataRequired(_l("Choose what the problem is about."))])
    description = TextAreaField(_l("Describe the problem"), validators=[
        DataRequired(_l("Describe the problem in a few words.")),
        Length(min=10, max=DESCRIPTION_MAX, message=_l(
            "Between %(min)d and %(max)d characters, please.")), Screened(own=True)],
        render_kw={"rows": 6})
    keep_as_written = BooleanField(KEEP)
    since = StringField(_l("Since when (optional)"), validators=[Optional(), month],
                        render_kw={"type": "month"})
    photos = MultipleFileField(_l("Photos (optional, up to 3)"), validators=[at_most_photos],
                               render_kw={"accept": "image/jpeg,image/png,image/webp"})
    # The photos kept from a send that came back (signed ids, see ``pending``).
    pending_photos = HiddenField("")  # a label never shown (none would load WTForms' catalogue)
    kept_photos: int = 0  # how many, set by the view before validation
    # A one-time token (``reports.new_form_token``): the same form sent twice (Back, then
    # send again) makes one report.
    once = HiddenField("")  # no label: see pending_photos
    key = StringField(_l("Your personal key, if you already have one (optional)"),
                      validators=[Optional(), Length(max=60)],
                      render_kw={"autocomplete": "off", "autocapitalize": "characters",
                                 "spellcheck": "false"})

    def validate_category(self, field):
        """The category is one of the list."""
        if field.data and field.data not in categories.CATEGORIES:
            raise ValidationError(_l("Choose what the problem is about."))

    # The ids of the buildings the association covers, set by the view (the list shown,
    # ``building.choices``, is made only when a page is drawn).
    building_ids: frozenset = frozenset()

    def validate_building(self, field):
        """The building is one the association covers."""
        if field.data not in self.building_ids:
            raise ValidationError(_l("Choose your building in the list."))


class PhotoForm(Form):
    """Add a photo to one of one's own reports, from the member space."""

    photo = FileField(_l("Add a photo"), render_kw={"accept": "image/jpeg,image/png,image/webp"})


class SupportForm(Form):
    """"Me too": a household joins a problem already reported, writing nothing."""

    category = StringField(validators=[DataRequired()])


class NoteForm(Form):
    """A volunteer's note on a report (the tenant reads it)."""

    text = TextAreaField(_l("Note for the file (the tenant reads it)"), validators=[
        DataRequired(_l("Write the note.")), Length(max=NOTE_MAX), Screened()],
        render_kw={"rows": 3})
    keep_as_written = BooleanField(KEEP)


class StatusForm(Form):
    """Move a report along its workflow."""

    status = SelectField(_l("New status"), choices=choices(categories.STATUSES.items()))
    close_reason = SelectField(_l("Reason, when closing"), choices=choices(
        [("", "—")] + list(categories.CLOSE_REASONS.items())), validators=[OptionalChoice()])

    def validate_close_reason(self, field):
        """Closing says why."""
        if self.status.data == "closed" and not field.data:
            raise ValidationError(_l("Say why the report is closed."))


class MergeForm(Form):
    """Mark a report as a duplicate of another one."""

    into = StringField(_l("Reference of the report it duplicates"), validators=[
        DataRequired(_l("Give the reference of the other report."))])


# The list shows the reports still to triage unless the volunteer chooses another status
# or "all states" (the blank choice).
DEFAULT_STATUS = "new"


class FilterForm(Form):
    """Filter the list of reports (a GET form); "new" reports unless told otherwise."""

    building = SelectField(_l("Building"), coerce=str, validators=[OptionalChoice()])
    category = SelectField(_l("Kind"), validators=[OptionalChoice()])
    status = SelectField(_l("Status"), default=DEFAULT_STATUS, validators=[OptionalChoice()])
    age = SelectField(_l("Reported"), validators=[OptionalChoice()], choices=choices([
        ("", _l("any time")), ("7", _l("this week")), ("30", _l("this month")),
        ("old", _l("over a month ago"))]))
    flagged = BooleanField(_l("Only texts flagged by the screen"))
    q = StringField(_l("Words in the description"), validators=[Optional(), Length(max=200)])


class CaseForm(Form):
    """Open a collective case for one building."""

    building = SelectField(_l("Building"), coerce=whole_number, validate_choice=False,
                           validators=[DataRequired(_l("Choose the building."))])
    category = SelectField(_l("Kind of problem (optional)"), validators=[OptionalChoice()])
    title = StringField(_l("Title"), validators=[DataRequired(_l("Give the case a title.")),
                                                 Length(max=160)])
    theme = TextAreaField(_l("What it is about (optional)"), validators=[
        Optional(), Length(max=NOTE_MAX), Screened()], render_kw={"rows": 2})
    keep_as_written = BooleanField(KEEP)
    grievances = MultiCheckboxField(_l("Reports grouped in the case"), coerce=int)


class DemandsForm(Form):
    """The association's demands, written into the collective letter."""

    demands = TextAreaField(_l("Our demands"), validators=[
        DataRequired(_l("Write what the association asks the landlord.")),
        Length(max=DESCRIPTION_MAX), Screened(about_organisations=True)],
        render_kw={"rows": 6})
    keep_as_written = BooleanField(KEEP)


class GroundsForm(Form):
    """The law the collective letter cites, as the volunteer adjusts it for the case."""

    grounds = TextAreaField(_l("The law the letter cites"), validators=[
        DataRequired(_l("Write the landlord's obligations the letter cites.")),
        Length(max=DESCRIPTION_MAX), Screened()], render_kw={"rows": 10})
    keep_as_written = BooleanField(KEEP)
    repairs_checked = BooleanField(_l("We checked that the problems reported are not tenant "
                                      "repairs: the letter may say so"))


class SendingForm(Form):
    """Record that the collective letter was sent."""

    sent_on = DateField(_l("Sent on"), validators=[DataRequired(_l("Give the date it was "
                                                                   "sent."))])
    sent_how = StringField(_l("How, and its proof (e.g. registered letter number)"),
                           validators=[DataRequired(_l("Say how it was sent.")),
                                       Length(max=300), Screened()])
    keep_as_written = BooleanField(KEEP)
    response_due = DateField(_l("Answer expected by (optional)"), validators=[Optional()])

    def validate_sent_on(self, field):
        """Not a date in the future."""
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))

    def validate_response_due(self, field):
        """The answer is expected after the sending."""
        if field.data and self.sent_on.data and field.data <= self.sent_on.data:
            raise ValidationError(_l("The answer is expected after the letter is sent."))


class EventForm(Form):
    """Add a step to a case's timeline."""

    happened_on = DateField(_l("Date"), validators=[DataRequired(_l("Give the date."))])
    kind = SelectField(_l("What happened"))
    note = TextAreaField(_l("In a few words (optional)"), validators=[
        Optional(), Length(max=NOTE_MAX), Screened(about_organisations=True)],
        render_kw={"rows": 2})
    keep_as_written = BooleanField(KEEP)

    def validate_happened_on(self, field):
        """Not a date in the future."""
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))


class SummaryForm(Form):
    """The case's optional summary for the public."""

    public_summary = TextAreaField(_l("Summary for the public (optional)"), validators=[
        Optional(), Length(max=NOTE_MAX),
        Screened(confirm="keep_as_written", about_organisations=True)],
        render_kw={"rows": 4})
    keep_as_written = BooleanField(KEEP)
