"""Forms of the charges check: a statement, a line, a CSV import, an overruling, and the
reader's surface or shares (never kept). Messages are lazy: they follow the page's language."""
import re

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from .. import clock
from ..forms import DateField, Form, OptionalChoice, choices
from . import labels, spreadsheet
from .recoverable import VERDICTS

REQUIRED = _l("This field is required.")
# A civility before a name: "M. Martin", "Mme Diallo", "Madame Chen", "Mr Smith".
_PERSON = re.compile(r"(?<![\w.])(m|mme|mlle|mr|mrs|ms|monsieur|madame|mademoiselle)\.?\s+"
                     r"[^\W\d_]", re.IGNORECASE)
MAX_UNITS = 10_000_000


def whole_number(value):
    """A select's value as a number, or None for the empty placeholder."""
    return int(value) if value not in ("", None) else None


def euros(form, field):
    """An amount in euros, with at most two decimals."""
    try:
        field.cents = spreadsheet.parse_euros(field.data or "")
    except ValueError:
        raise ValidationError(_l("Give an amount in euros, for example 1 234,56.")) from None


def a_number(form, field):
    """A number, typed the French way or not (optional)."""
    field.number = None
    if (field.data or "").strip():
        try:
            field.number = float(spreadsheet.number(field.data))
        except ValueError:
            raise ValidationError(_l("Give a number, for example 1,25.")) from None


def a_label(form, field):
    """A line's label names what was paid for: the screen refuses one about a person."""
    problem = spreadsheet.label_problem((field.data or "").strip(), str(get_locale() or "fr"))
    if problem:
        raise ValidationError(_l("Rewrite it: %(problem)s.", problem=problem))


def a_reason(form, field):
    """An overruling's reason is about the charge: the screen refuses one about a person."""
    from ..privacy import Flags, find_sensitive

    findings = find_sensitive(field.data or "", str(get_locale() or "fr"))
    if findings:
        raise ValidationError(_l(
            "This reason mentions %(categories)s: say why about the charge, never about a "
            "person.", categories=", ".join(str(x) for x in Flags.of(findings).labels())))


def positive_units(form, field):
    """A total of m² or shares, above zero."""
    if field.number is not None and not 0 < field.number < MAX_UNITS:
        raise ValidationError(_l("Give a number above zero."))


class StatementDetailsForm(Form):
    """What a statement says of itself, as the landlord sent it: who, when, how charges are
    shared (correctable once entered)."""

    sender = StringField(_l("Sent by"), validators=[DataRequired(REQUIRED), Length(max=200)])
    received_on = DateField(_l("Received on"), validators=[DataRequired(REQUIRED)])
    distribution_key = SelectField(_l("Distribution key"),
                                   choices=choices(labels.KEYS.items()))
    total_units = StringField(_l("Total of the building (m² or shares)"),
                              validators=[Optional(), a_number, positive_units],
                              render_kw={"inputmode": "decimal"})
    social_housing = BooleanField(_l("Social housing (HLM)"), default=True)

    def validate_sender(self, field):
        """The landlord or its department, never a person: the public page shows it, and
        the tables hold no personal data."""
        if _PERSON.search(field.data or ""):
            raise ValidationError(_l("Name the landlord or its department, not a person: the "
                                     "check's public page shows it."))

    def validate_received_on(self, field):
        """A statement cannot come in the future."""
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))

    def values(self) -> dict:
        """What the model stores."""
        return {"sender": self.sender.data.strip(),
                "received_on": self.received_on.data.isoformat(),
                "distribution_key": self.distribution_key.data,
                "total_units": getattr(self.total_units, "number", None),
                "social_housing": self.social_housing.data}


class StatementForm(StatementDetailsForm):
    """A building's statement of charges for a year, as the landlord sent it."""

    building = SelectField(_l("Building"), coerce=whole_number,
                           validators=[DataRequired(REQUIRED)])
    year = IntegerField(_l("Year of the charges"), validators=[
        DataRequired(REQUIRED), NumberRange(1990, 2999, _l("Give a year such as 2025."))],
        render_kw={"inputmode": "numeric"})

    def values(self) -> dict:
        """What the model stores."""
        return {"building_id": self.building.data, "year": self.year.data,
                **super().values()}


class LineForm(Form):
    """One line of a statement, typed from the landlord's paper."""

    label = StringField(_l("Label"), validators=[DataRequired(REQUIRED), a_label])
    nature = SelectField(_l("Nature"), choices=choices(labels.nature_choices()))
    amount = StringField(_l("Amount for the building (€)"), validators=[
        DataRequired(REQUIRED), euros], render_kw={"inputmode": "decimal"})
    stated_unit_amount = StringField(_l("Amount per m² or share, as stated (optional)"),
                                     validators=[Optional(), a_number],
                                     render_kw={"inputmode": "decimal"})
    charged_percent = IntegerField(_l("Share of the cost charged, in per cent (optional)"),
                                   validators=[Optional(), NumberRange(1, 100, _l(
                                       "Give a number from 1 to 100."))],
                                   render_kw={"inputmode": "numeric"})

    def values(self) -> dict:
        """What the model stores."""
        return {"label": self.label.data.strip(), "nature": self.nature.data,
                "amount_cents": self.amount.cents,
                "stated_unit_amount": getattr(self.stated_unit_amount, "number", None),
                "charged_percent": self.charged_percent.data}


class ImportForm(Form):
    """A CSV file of lines."""

    file = FileField(_l("CSV file"), render_kw={"accept": ".csv,text/csv"})


class OverruleForm(Form):
    """A volunteer's verdict in place of the list's, with the reason."""

    verdict = SelectField(_l("Verdict"), validators=[OptionalChoice()],
                          choices=choices([("", _l("the list's verdict"))] +
                                          [(v, labels.VERDICTS[v]) for v in VERDICTS]))
    share = IntegerField(_l("Recoverable per cent, if partly (optional)"),
                         validators=[Optional(), NumberRange(0, 100, _l(
                             "Give a number from 0 to 100."))],
                         render_kw={"inputmode": "numeric"})
    reason = StringField(_l("Reason"), validators=[DataRequired(REQUIRED), Length(max=500),
                                                   a_reason])


class ShareForm(Form):
    """The reader's surface or shares: used for the page drawn, never kept."""

    units = StringField(_l("Your home's surface (m²) or shares"),
                        validators=[DataRequired(REQUIRED), a_number, positive_units],
                        render_kw={"inputmode": "decimal", "autocomplete": "off"})


class OutageForm(Form):
    """A building's equipment out of service: which, from when, until when (dates only)."""

    equipment = SelectField(_l("Out of service"), choices=choices(labels.EQUIPMENT.items()))
    started_on = DateField(_l("From"), validators=[DataRequired(REQUIRED)])
    ended_on = DateField(_l("Until (the last day out; empty if it still is)"),
                         validators=[Optional()])

    def validate_started_on(self, field):
        """An outage has begun."""
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))

    def validate_ended_on(self, field):
        """An outage ends after it began, and not in the future."""
        if field.data and self.started_on.data and field.data < self.started_on.data:
            raise ValidationError(_l("The last day comes after the first."))
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))


class OutageEndForm(Form):
    """The last day an outage lasted (``started_on``: its first)."""

    ended_on = DateField(_l("Back in service after"), validators=[DataRequired(REQUIRED)])

    def __init__(self, *args, started_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.started_on = started_on

    def validate_ended_on(self, field):
        """After the first day, and not in the future."""
        if field.data and self.started_on and field.data < self.started_on:
            raise ValidationError(_l("The last day comes after the first."))
        if field.data and field.data > clock.today():
            raise ValidationError(_l("This date has not come yet."))
