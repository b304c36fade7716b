"""Forms of the volunteer area. Messages are lazy, so they follow the visitor's language."""
import re

from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, EmailField, PasswordField, SelectField,
                     StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from .. import passwords, reference
from ..forms import DateField, Form, MultiCheckboxField, OptionalChoice, choices
from .labels import ROLE_LABELS

# Each required field says what is missing (never "this field is required").
ENTER_LOGIN = _l("Enter your login.")
ENTER_PASSWORD = _l("Enter your password.")
ENTER_CURRENT = _l("Enter your current password.")
ENTER_CODE = _l("Enter the 6 digits your authenticator app shows, or a recovery code.")
ENTER_APP_CODE = _l("Enter the 6 digits the app shows.")
CHOOSE_PASSWORD = _l("Choose a password.")
CHOOSE_NEW_PASSWORD = _l("Choose a new password.")
REPEAT_PASSWORD = _l("Type the same password a second time.")
CODE_LENGTH = _l("A code has 6 digits; a recovery code, 8 letters and digits.")
AT_MOST = _l("Use at most %(max)s characters.")
PASSWORD_MESSAGES = {
    "too_short": _l("Use at least %(n)s characters: a short sentence is easy to remember.",
                    n=passwords.MIN_LENGTH),
    "too_long": _l("Use at most %(n)s characters.", n=passwords.MAX_LENGTH),
    "guessable": _l("This password is too common or too easy to guess. Try a short sentence "
                    "of several unrelated words."),
}


def strong_password(context_fields=("login",)):
    """A validator refusing short, overlong, common or guessable passwords."""
    def check(form, field):
        context = tuple(str(getattr(form, name).data or "") for name in context_fields
                        if hasattr(form, name))
        reason = passwords.weakness(field.data or "", context + tuple(form.context_words))
        if reason:
            raise ValidationError(PASSWORD_MESSAGES[reason])
    return check


class LoginForm(Form):
    """Sign in: login, password and one-time code."""

    login = StringField(_l("Login"), validators=[DataRequired(ENTER_LOGIN),
                                                 Length(max=64, message=AT_MOST)],
                        render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField(_l("Password"), validators=[DataRequired(ENTER_PASSWORD),
                                                         Length(max=passwords.MAX_LENGTH,
                                                                message=AT_MOST)],
                             render_kw={"autocomplete": "current-password"})
    code = StringField(_l("One-time code"), validators=[DataRequired(ENTER_CODE),
                                                        Length(max=20, message=CODE_LENGTH)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})
    submit = SubmitField(_l("Sign in"))


class EnrolForm(Form):
    """Accept an invitation: choose a password, confirm the authenticator app with a code."""

    context_words: tuple = ()
    password = PasswordField(_l("Choose a password"),
                             validators=[DataRequired(CHOOSE_PASSWORD), strong_password(())],
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("The same password again"), validators=[
        DataRequired(REPEAT_PASSWORD), EqualTo("password", _l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"})
    code = StringField(_l("Code shown by the app"), validators=[
        DataRequired(ENTER_APP_CODE), Length(max=20, message=CODE_LENGTH)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})
    submit = SubmitField(_l("Activate my account"))


class PasswordChangeForm(Form):
    """Change password: the current password and a code first, then the new one twice."""

    context_words: tuple = ()
    current = PasswordField(_l("Current password"), validators=[DataRequired(ENTER_CURRENT)],
                            render_kw={"autocomplete": "current-password"})
    code = StringField(_l("One-time code"), validators=[DataRequired(ENTER_CODE),
                                                        Length(max=20, message=CODE_LENGTH)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})
    password = PasswordField(_l("New password"),
                             validators=[DataRequired(CHOOSE_NEW_PASSWORD), strong_password(())],
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("The same new password again"), validators=[
        DataRequired(REPEAT_PASSWORD), EqualTo("password", _l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"})
    submit = SubmitField(_l("Change my password"))


class ReauthForm(Form):
    """Prove it is you before changing the second factor."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(ENTER_CURRENT)],
                            render_kw={"autocomplete": "current-password"})
    code = StringField(_l("One-time code"), validators=[DataRequired(ENTER_CODE),
                                                        Length(max=20, message=CODE_LENGTH)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})
    submit = SubmitField(_l("Set up a new app"))


class ConfirmCodeForm(Form):
    """Confirm a new authenticator app with the code it shows."""

    code = StringField(_l("Code shown by the new app"),
                       validators=[DataRequired(_l("Enter the 6 digits the new app shows.")),
                                   Length(max=20, message=CODE_LENGTH)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})
    submit = SubmitField(_l("Confirm the new app"))


def building_choices(db) -> list:
    """Every building, for scope checkboxes."""
    return choices((b["id"], b["name"]) for b in reference.buildings(db))


class AccountForm(Form):
    """Admin: create an account (login, role, buildings)."""

    login = StringField(_l("Login (a pseudonym is fine)"), validators=[
        DataRequired(_l("Choose a login for this volunteer: a pseudonym is fine.")),
        Length(min=3, max=64, message=_l("A login has 3 to 64 characters."))],
                        render_kw={"autocapitalize": "none"})
    role = SelectField(_l("Role"), choices=choices(ROLE_LABELS.items()), default="volunteer")
    buildings = MultiCheckboxField(_l("Buildings they handle (optional)"), coerce=int)
    submit = SubmitField(_l("Create and get the invitation link"))


class ScopeForm(Form):
    """Admin: change an account's role and buildings."""

    role = SelectField(_l("Role"), choices=choices(ROLE_LABELS.items()))
    buildings = MultiCheckboxField(_l("Buildings they handle (optional)"), coerce=int)
    submit = SubmitField(_l("Save role and buildings"))


class BuildingForm(Form):
    """Admin: a building."""

    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Choose a name for the building.")), Length(max=120, message=AT_MOST)])
    street_address = StringField(_l("Street address (optional)"),
                                 validators=[Optional(), Length(max=200, message=AT_MOST)])
    landlord_id = SelectField(_l("Landlord (optional)"), coerce=int)
    submit = SubmitField(_l("Save"))


def check_siren(form, field):
    """A SIREN, if given, has nine digits with a valid checksum."""
    if field.data and not reference.valid_siren(field.data):
        raise ValidationError(_l("A SIREN number has nine digits (for example 344 366 315)."))


def check_departement(form, field):
    """A département's number: two digits, 2A or 2B, or three digits overseas."""
    if field.data and not re.fullmatch(r"(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]|98[4-8])",
                                       field.data.strip().upper()):
        raise ValidationError(_l("Enter the département's number, for example 75, 2A or 974."))


class LandlordForm(Form):
    """Admin: a landlord (a public organisation)."""

    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Enter the landlord's name.")), Length(max=120, message=AT_MOST)])
    postal_address = TextAreaField(_l("Postal address (optional)"),
                                   validators=[Optional(), Length(max=300, message=AT_MOST)])
    dpo_email = EmailField(_l("E-mail of its data protection officer (optional)"),
                           validators=[Optional(), Email(_l("This e-mail address is not valid.")),
                                       Length(max=200, message=AT_MOST)])
    siren = StringField(_l("SIREN number (optional)"), validators=[Optional(), check_siren])
    departement = StringField(
        _l("Département of its seat, whose public holidays its deadlines count, for example "
           "75, 57 or 974 (optional)"),
        validators=[Optional(), Length(max=3, message=AT_MOST), check_departement])
    submit = SubmitField(_l("Save"))


class SettingsForm(Form):
    """Admin: the association itself."""

    name = StringField(_l("Name of the association"), validators=[
        DataRequired(_l("Enter the association's name.")), Length(max=120, message=AT_MOST)])
    postal_address = TextAreaField(_l("Postal address (optional)"),
                                   validators=[Optional(), Length(max=300, message=AT_MOST)])
    contact_email = EmailField(_l("Contact e-mail for questions about data (optional)"),
                               validators=[Optional(),
                                           Email(_l("This e-mail address is not valid.")),
                                           Length(max=200, message=AT_MOST)])
    # The legal notice (LCEN art. 6 III): /mentions-legales names them, and says what is
    # missing to administrators rather than printing blanks.
    seat_address = TextAreaField(_l("Registered office (siège social) (optional)"), validators=[
        Optional(), Length(max=300, message=AT_MOST)],
        description=_l("As declared to the préfecture; shown in the legal notice."))
    telephone = StringField(_l("Telephone of the association (optional)"), validators=[
        Optional(), Length(max=40, message=AT_MOST)],
        description=_l("The law requires one in the legal notice; a shared line is fine."))
    rna_number = StringField(_l("RNA number (optional)"), validators=[
        Optional(), Length(max=20, message=AT_MOST)],
        description=_l("On the receipt of the declaration: W followed by nine digits."))
    publication_director = StringField(_l("Directeur de la publication: name (optional)"), validators=[
        Optional(), Length(max=120, message=AT_MOST)],
        description=_l("The association's legal representative, usually its président; "
                       "requests for a right of reply are addressed to them."))
    publication_director_function = StringField(
        _l("Directeur de la publication: function (optional)"),
        validators=[Optional(), Length(max=80, message=AT_MOST)],
        description=_l("For example: présidente."))
    host_name = StringField(_l("Host of the site: name (optional)"), validators=[
        Optional(), Length(max=160, message=AT_MOST)],
        description=_l("The company whose server runs this site (a processor of the "
                       "association's data)."))
    host_address = TextAreaField(_l("Host of the site: address (optional)"), validators=[
        Optional(), Length(max=300, message=AT_MOST)])
    host_telephone = StringField(_l("Host of the site: telephone (optional)"), validators=[
        Optional(), Length(max=40, message=AT_MOST)])
    mail_relay = StringField(_l("Mail relay (optional)"), validators=[
        Optional(), Length(max=200, message=AT_MOST)],
        description=_l("The service that sends messages to members, when there is one: its "
                       "name and country. Leave empty when the site's own server sends them."))
    transfers_outside_eu = TextAreaField(_l("Transfers outside the European Union (optional)"), validators=[
        Optional(), Length(max=500, message=AT_MOST)],
        description=_l("Write “none” when the host and the relay keep the data in the Union "
                       "and are not subject to another country's law; otherwise say which "
                       "country and which safeguard (GDPR art. 46)."))
    # The collective letters (art. 44 loi 86-1290): the association's standing, who signs.
    federation = StringField(_l("Federation the association is affiliated to (optional)"),
                             description=_l("One sitting at the Commission nationale de "
                                            "concertation: CNL, CLCV, CSF, AFOC, CGL…"),
                             validators=[Optional(), Length(max=120, message=AT_MOST)])
    represents_tenth = BooleanField(_l("The association represents at least one in ten of "
                                       "the tenants of its group of buildings"))
    signatory = StringField(_l("Who signs the letters to landlords (optional)"), description=_l(
        "If left empty, the directeur de la publication signs them."),
        validators=[Optional(), Length(max=120, message=AT_MOST)])
    signatory_function = StringField(_l("As what (optional)"), description=_l(
        "For example: la présidente, le secrétaire."),
        validators=[Optional(), Length(max=80, message=AT_MOST)])
    demo = BooleanField(_l("Show the demonstration banner"))
    submit = SubmitField(_l("Save"))

    def standing(self) -> dict:
        """The standing fields as the settings keep them."""
        return {"federation": (self.federation.data or "").strip() or None,
                "represents_tenth": int(bool(self.represents_tenth.data)),
                "signatory": (self.signatory.data or "").strip() or None,
                "signatory_function": (self.signatory_function.data or "").strip() or None}


class AuditFilterForm(Form):
    """Admin: filter the audit log (a GET form: no token needed)."""

    volunteer = SelectField(_l("Volunteer"), coerce=str, validators=[OptionalChoice()])
    action = SelectField(_l("Action"), validators=[OptionalChoice()])
    object_type = SelectField(_l("Kind of record"), validators=[OptionalChoice()])
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until (excluded)"), validators=[Optional()])
