"""Forms of the personal space."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from . import keys
from ..forms import Form
from ..i18n import lazy_duration

KEY_SHAPE = _l("A personal key has 20 letters and digits, like 7KQ2-9XWM-4PRT-ZR8H-3NDA. "
               "Check what you typed.")


def looks_like_a_key(form, field):
    """A personal key has 20 letters and digits (dashes and spaces do not matter)."""
    if keys.normalise_key(field.data or "") is None:
        raise ValidationError(KEY_SHAPE)


class KeyForm(Form):
    """Enter one's personal key."""

    key = StringField(_l("Your personal key"), validators=[
        DataRequired(_l("Enter your personal key.")), Length(max=60, message=KEY_SHAPE),
        looks_like_a_key],
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
                       validators=[
                           DataRequired(_l("Enter the address reminders should go to.")),
                           Email(_l("This e-mail address is not valid.")),
                           Length(max=200, message=_l("Use at most %(max)s characters."))],
                       render_kw={"autocomplete": "email"})
    consent = BooleanField(_l("I agree to receive reminders from the association at this "
                              "address. It deletes itself after %(duration)s, and I can remove "
                              "it at any time.", duration=lazy_duration(keys.CONTACT_LIFETIME)),
                           validators=[DataRequired(_l("Tick the box to agree, or leave the "
                                                       "address out."))])
    submit = SubmitField(_l("Save the address"))


CODE_SHAPE = _l("A confirmation code has 8 letters and digits, like K7QM-2XWD. Check what "
                "you typed.")


def looks_like_a_code(form, field):
    """A confirmation code has 8 letters and digits (dashes and spaces do not matter)."""
    from .confirmation import normalise_code

    if normalise_code(field.data or "") is None:
        raise ValidationError(CODE_SHAPE)


class ConfirmationCodeForm(Form):
    """A volunteer types (or scans) the code a member shows them."""

    code = StringField(_l("Code shown by the member"), validators=[
        DataRequired(_l("Type the code the member shows you.")),
        Length(max=30, message=CODE_SHAPE), looks_like_a_code],
                       render_kw={"autocomplete": "off", "autocapitalize": "characters",
                                  "spellcheck": "false", "data-fragment": "code"})
    submit = SubmitField(_l("Confirm this member's key"))
