"""Forms of the personal space."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from . import keys
from ..forms import Form
from ..i18n import lazy_duration

REQUIRED = _l("This field is required.")


def looks_like_a_key(form, field):
    """A personal key has 20 letters and digits (dashes and spaces do not matter)."""
    if keys.normalise_key(field.data or "") is None:
        raise ValidationError(_l("A personal key has 20 letters and digits, like "
                                 "7KQ2-9XWM-4PRT-ZR8H-3NDA. Check what you typed."))


class KeyForm(Form):
    """Enter one's personal key."""

    key = StringField(_l("Your personal key"), validators=[DataRequired(REQUIRED),
                                                         Length(max=60), looks_like_a_key],
                      render_kw={"autocomplete": "off", "autocapitalize": "characters",
                                 "spellcheck": "false"})
    submit = SubmitField(_l("Open my space"))


class BuildingChoiceForm(Form):
    """Say which building one lives in (optional)."""

    building = SelectField(_l("Your building (optional)"), coerce=int)
    submit = SubmitField(_l("Save my building"))


class ContactForm(Form):
    """Give an e-mail address for reminders, with explicit consent."""

    email = EmailField(_l("E-mail address for reminders"),
                       validators=[DataRequired(REQUIRED),
                                   Email(_l("This e-mail address is not valid.")),
                                   Length(max=200)],
                       render_kw={"autocomplete": "email"})
    consent = BooleanField(_l("I agree to receive reminders from the association at this "
                              "address. It deletes itself after %(duration)s, and I can remove "
                              "it at any time.", duration=lazy_duration(keys.CONTACT_LIFETIME)),
                           validators=[DataRequired(_l("Tick the box to agree, or leave the "
                                                       "address out."))])
    submit = SubmitField(_l("Save the address"))
