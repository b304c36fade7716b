"""Forms of actions: the action itself (volunteers), a task, and the answer "I'll come"."""
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, IntegerField, SelectField, StringField,
                     SubmitField, TextAreaField, TimeField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from .. import clock
from ..counts import MIN_GROUP
from ..forms import DateField, Form, Screened, choices, years_message
from .kinds import KINDS, VISIBILITIES
from .rsvps import MAX_PEOPLE
from ..dates import in_words
from ..privacy import Flags
from .timing import LocalTimeError, resolve

REQUIRED = _l("This field is required.")
MAX_BRACKETS = 200  # Python-Markdown scans on from each unclosed "[" or "<": brackets x length
MAX_DESCRIPTION = 10_000  # with 200 brackets at most: about half a second to render, once
MAX_REVEAL_HOURS = 7 * 24


def few_brackets(form, field):
    """Markdown with hundreds of "[" or "<" takes long to read: such a text is refused."""
    text = field.data or ""
    if text.count("[") > MAX_BRACKETS or text.count("<") > MAX_BRACKETS:
        raise ValidationError(_l(
            "This text holds more than %(n)s “[” or “<” signs, which would take the server too "
            "long to lay out. Remove some of them (links and tags are rarely needed more than "
            "a few dozen times).", n=MAX_BRACKETS))


class ActionForm(Form):
    """An action, as volunteers create or change it. Times are local to the association."""

    # The start the action had before this change (None for a new action): an action may
    # keep a past start, but no new or moved action may start in the past.
    original_start: datetime | None = None

    kind = SelectField(_l("Kind of action"), choices=choices(KINDS.items()))
    title = StringField(_l("Title"), validators=[
        DataRequired(REQUIRED), Length(max=150),
        Screened("keep_title", about_organisations=True)])
    keep_title = BooleanField(_l("Keep the title as written"))
    start_date = DateField(_l("Date"), validators=[DataRequired(REQUIRED)])
    start_time = TimeField(_l("Start time"), format=["%H:%M", "%H:%M:%S"],
                           validators=[DataRequired(REQUIRED)])
    end_date = DateField(_l("End date (optional: only if it ends another day)"),
                         validators=[Optional()])
    end_time = TimeField(_l("End time"), format=["%H:%M", "%H:%M:%S"],
                         validators=[DataRequired(REQUIRED)])
    place = StringField(_l("Place (optional)"), validators=[Optional(), Length(max=300),
                                                            Screened("keep_place")])
    keep_place = BooleanField(_l("Keep the place as written"))
    place_reveal_hours = IntegerField(
        _l("Hide the place until this many hours before the start (optional)"),
        validators=[Optional(), NumberRange(0, MAX_REVEAL_HOURS, _l(
            "Give a number of hours between 0 and %(n)s.", n=MAX_REVEAL_HOURS))],
        render_kw={"inputmode": "numeric"})
    description = TextAreaField(_l("Description (optional, Markdown)"), validators=[
        Optional(), Length(max=MAX_DESCRIPTION, message=_l(
            "Keep the description under %(n)s characters.", n=MAX_DESCRIPTION)),
        few_brackets, Screened("keep_description", about_organisations=True)],
        render_kw={"rows": 8})
    keep_description = BooleanField(_l("Keep the description as written"))
    visibility = SelectField(_l("Who sees it"), choices=choices(VISIBILITIES.items()))
    capacity = IntegerField(_l("Capacity (optional)"), validators=[
        Optional(), NumberRange(MIN_GROUP, 100_000, _l(
            "Leave the capacity empty, or give at least %(n)s: a smaller one would tell who "
            "answered.", n=MIN_GROUP))], render_kw={"inputmode": "numeric"})
    show_count = BooleanField(_l("Show how many people said they would come (from 3 on)"))
    submit = SubmitField(_l("Save the action"))

    def validate(self, extra_validators=None) -> bool:
        """Each field, then the times together: they exist once on their day, the end comes
        after the start, and no new or moved action starts in the past."""
        valid = super().validate(extra_validators)
        if self.start_date.data is None or self.start_time.data is None \
                or self.end_time.data is None:
            return False
        self.starts_at = self._moment(self.start_date.data, self.start_time)
        self.ends_at = self._moment(self.end_date.data or self.start_date.data, self.end_time)
        if self.starts_at is None or self.ends_at is None:
            return False
        if self.ends_at <= self.starts_at:
            self.end_time.errors.append(_l("The end must come after the start."))
            return False
        if self.ends_at - self.starts_at > timedelta(days=31):
            self.end_time.errors.append(_l("An action lasts at most 31 days: check the dates."))
            return False
        moved = self.original_start is None or self.starts_at != self.original_start
        if moved and self.starts_at < clock.now():
            self.start_time.errors.append(
                _l("This start is in the past: a new or moved action must start later.")
                if self.original_start is None else
                _l("An action cannot be moved into the past."))
            return False
        return valid

    def _moment(self, day, field):
        """The moment a local date and time name, or None with the reason on the field."""
        try:
            return resolve(day, field.data)
        except LocalTimeError as error:
            field.errors.append(_time_message(error))
            return None

    def fields_to_save(self) -> dict:
        """What the action's rows are made from (after ``validate``)."""
        return {
            "kind": self.kind.data, "title": self.title.data.strip(),
            "title_flags": Flags.found_in(self.title).format(),
            "starts_at": self.starts_at, "ends_at": self.ends_at,
            "place": (self.place.data or "").strip() or None,
            "place_flags": Flags.found_in(self.place).format(),
            "place_reveal_hours": self.place_reveal_hours.data,
            "description": self.description.data,
            "description_flags": Flags.found_in(self.description).format(),
            "visibility": self.visibility.data, "capacity": self.capacity.data,
            "show_count": self.show_count.data,
        }


def _time_message(error: LocalTimeError):
    """Why a time on the day the clocks change is refused, and what to choose instead (or
    why a day that far is)."""
    if error.problem == "range":
        return years_message()
    values = {"time": in_words(error.typed), "date": in_words(error.day, "weekday"),
              "other": in_words(error.suggestion)}
    if error.problem == "gap":
        return _l("%(time)s does not exist on %(date)s: that night the clocks go forward one "
                  "hour. Choose another time, for example %(other)s.", **values)
    return _l("%(time)s happens twice on %(date)s: that night the clocks go back one hour. "
              "Choose a time outside the repeated hour, for example %(other)s.", **values)


class TaskForm(Form):
    """A task added by hand to an action's checklist."""

    label = StringField(_l("New task"), validators=[DataRequired(REQUIRED), Length(max=200),
                                                    Screened("keep_label")])
    keep_label = BooleanField(_l("Keep the task as written"))
    submit = SubmitField(_l("Add the task"))


class RsvpForm(Form):
    """"I'll come": how many, and (for a member signed in) whether to tie it to the key."""

    people = SelectField(_l("How many of you will come?"), coerce=int, default=1,
                         choices=choices((n, str(n)) for n in range(1, MAX_PEOPLE + 1)))
    with_key = BooleanField(_l("Tie my answer to my personal key (optional: I will find it, "
                               "with a reminder, in my space)"))
    submit = SubmitField(_l("I'll come"))


def reveal_hint() -> str:
    """What hiding the place does, for the form's hint."""
    return _l("For a sensitive action. Until then nobody sees the place; from then on, only "
              "those who answered “I'll come”. Leave empty to show the place to everyone who "
              "sees the action.")

