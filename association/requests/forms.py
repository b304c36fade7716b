"""Forms of joint access requests. Messages are lazy, so they follow the visitor's language."""
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, EmailField, SelectField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from .. import reference
from ..forms import DateField, Form, MultiCheckboxField, OptionalChoice, Screened, choices
from ..markup import MAX_SOURCE_CHARS
from . import campaigns, letters
from .labels import CHANNEL_LABELS, EXTRA_ITEM_LABELS, GRADE_LABELS, ITEM_LABELS

REQUIRED = _l("This field is required.")
DATE = _l("Enter a date, for example 02/12/2026.")
EMAIL = _l("This e-mail address is not valid.")

TRACKER_ERRORS = {
    "future": _l("This date is in the future: enter the date it really happened."),
    "before_sending": _l("This date is before the day you sent your letter."),
    "not_sent": _l("Say first when you sent your letter."),
    "extension_late": _l("An extension must be announced within the first month after the "
                         "landlord received your request; this notice came after the "
                         "deadline, so it does not extend it."),
    "extension_before_receipt": _l("This notice is dated before the landlord received your "
                                   "request."),
    "channel": _l("Choose how you sent the letter."),
    "grade": _l("Choose what the answer was like."),
    "checklist": _l("Choose among the items listed."),
    "gone": _l("This tracker no longer exists."),
    "identity_not_asked": _l("Say first when the landlord asked you to prove who you are."),
    "identity_before_asked": _l("This date is before the landlord's request."),
}


class LetterForm(Form):
    """The letter's personal fields: used for the letter, never stored."""

    full_name = StringField(_l("Your full name"), validators=[DataRequired(REQUIRED),
                                                             Length(max=120)],
                            render_kw={"autocomplete": "name"})
    postal_address = TextAreaField(_l("Your postal address"),
                                   validators=[DataRequired(REQUIRED), Length(max=300)],
                                   render_kw={"autocomplete": "street-address", "rows": 3})
    tenant_ref = StringField(_l("Your tenant number, as on your rent notice (optional)"),
                             validators=[Optional(), Length(max=60)],
                             render_kw={"autocomplete": "off"})
    email = EmailField(_l("Your e-mail address, for the landlord's answer (optional)"),
                       validators=[Optional(), Email(EMAIL), Length(max=200)],
                       render_kw={"autocomplete": "email"})
    town = StringField(_l("Your town, for the line “In …, on …” (optional)"),
                       validators=[Optional(), Length(max=60)],
                       render_kw={"autocomplete": "address-level2"})
    registered = BooleanField(_l("Write “Registered letter with acknowledgement of receipt” "
                                 "at the top"))
    letter_language = SelectField(_l("Language of the letter"), default="fr",
                                  choices=choices([("fr", _l("French (to send to a French "
                                                             "landlord)")),
                                                   ("en", _l("English"))]))
    submit = SubmitField(_l("Prepare my letter"))


class FollowUpLetterForm(LetterForm):
    """The follow-up letter's personal fields, never stored either, and how it will go (its
    fifteen days run from its receipt)."""

    send_channel = SelectField(_l("How you will send it"), default="registered",
                               choices=choices(list(CHANNEL_LABELS.items())))
    submit = SubmitField(_l("Prepare my follow-up letter"))


def channel_choices(blank=None):
    """How a letter can go, with an empty first choice if asked."""
    pairs = ([("", blank)] if blank else []) + list(CHANNEL_LABELS.items())
    return choices(pairs)


class SentForm(Form):
    """I sent it: when and how."""

    sent_on = DateField(_l("Sent on"), validators=[DataRequired(DATE)])
    channel = SelectField(_l("How"), choices=channel_choices(_l("— choose —")),
                          validators=[DataRequired(_l("Choose how you sent the letter."))])
    submit = SubmitField(_l("I sent it"))


class TrackForm(Form):
    """Follow the request with one's personal key, and say it was sent if it was."""

    sent_on = DateField(_l("Sent on (optional: say it later)"), validators=[Optional()])
    channel = SelectField(_l("How (optional)"),
                          choices=channel_choices(_l("— not sent yet —")),
                          validators=[OptionalChoice()])
    submit = SubmitField(_l("Follow my request"))

    def validate_channel(self, field):
        """A date of sending goes with a way of sending, and the other way round."""
        if bool(field.data) != bool(self.sent_on.data) and not self.sent_on.errors:
            raise ValidationError(_l("Give both the date and the way you sent it, or "
                                     "neither."))


class ReceivedForm(Form):
    """The landlord's acknowledgement of receipt (for registered post: the day it was first
    presented, on the acknowledgement or La Poste's tracking)."""

    received_on = DateField(_l("Received by the landlord on (registered post: the day of "
                               "first presentation)"),
                            validators=[DataRequired(DATE)])
    submit = SubmitField(_l("Save the date of receipt"))


class ExtensionForm(Form):
    """The landlord announced an extension."""

    extension_notice_on = DateField(_l("Date of the landlord's notice"),
                                    validators=[DataRequired(DATE)])
    extension_reasons = BooleanField(_l("The notice gives its reasons (the complexity or the "
                                        "number of requests)"))
    submit = SubmitField(_l("Save the extension"))


class IdentityForm(Form):
    """The landlord asked the member to prove who they are."""

    identity_asked_on = DateField(_l("The landlord asked on"), validators=[DataRequired(DATE)])
    identity_justified = BooleanField(_l("It had a reasonable doubt about who I am (for "
                                         "example, my letter gave no address or number it "
                                         "knows)"))
    identity_answered_on = DateField(_l("I answered on (optional: say it later)"),
                                     validators=[Optional()])
    submit = SubmitField(_l("Save the request for identification"))


class FeeForm(Form):
    """The landlord asked for a fee."""

    fee_asked_on = DateField(_l("The landlord asked for a fee on"),
                             validators=[DataRequired(DATE)])
    submit = SubmitField(_l("Save the request for a fee"))


class FollowedUpForm(Form):
    """I sent the follow-up letter."""

    followed_up_on = DateField(_l("Follow-up sent on"), validators=[DataRequired(DATE)])
    followed_up_channel = SelectField(_l("How"), choices=channel_choices(_l("— choose —")),
                                      validators=[DataRequired(_l("Choose how you sent the "
                                                                  "letter."))])
    submit = SubmitField(_l("I sent the follow-up"))


class AnswerForm(Form):
    """I got an answer: when, what it was like, what it gave. The reply itself stays with
    the member."""

    answered_on = DateField(_l("Answer received on"), validators=[DataRequired(DATE)])
    grade = SelectField(_l("The answer was"),
                        choices=choices([("", _l("— choose —"))] + list(GRADE_LABELS.items())),
                        validators=[DataRequired(_l("Choose what the answer was like."))])
    checklist = MultiCheckboxField(_l("What the answer gave (article 15)"),
                                   choices=choices([*ITEM_LABELS.items(),
                                                    *EXTRA_ITEM_LABELS.items()]))
    copy_received = BooleanField(_l("A copy of my data came with it"))
    comments_disclosed = BooleanField(_l("It disclosed the comment zones about me"))
    access_log_disclosed = BooleanField(_l("It gave the dates and purposes of the "
                                           "consultations of my file"))
    submit = SubmitField(_l("Save the answer"))


def no_unknown_placeholder(form, field):
    """A template may use only the placeholders the letter fills."""
    unknown = letters.unknown_placeholders(field.data or "")
    if unknown:
        raise ValidationError(_l("Unknown placeholders: %(names)s. Use only %(known)s.",
                                 names=", ".join("{%s}" % n for n in unknown),
                                 known=", ".join("{%s}" % n for n in letters.PLACEHOLDERS)))


def few_brackets(form, field):
    """Refuse a Markdown source that would be slow to render (see campaigns.MAX_BRACKETS)."""
    if campaigns.too_many_brackets(field.data or ""):
        raise ValidationError(_l("This text holds more than %(n)s “[” or “<”: simplify its "
                                 "links and remove any HTML.", n=campaigns.MAX_BRACKETS))


def check_slug(form, field):
    """Lowercase letters, digits and dashes: the campaign's address."""
    if field.data and not campaigns.SLUG.match(field.data):
        raise ValidationError(_l("Use lowercase letters without accents, digits and dashes, "
                                 "for example bailleur-2026."))


def check_siren(form, field):
    """A SIREN, if given, has nine digits with a valid checksum."""
    if field.data and not reference.valid_siren(field.data):
        raise ValidationError(_l("A SIREN number has nine digits (for example 344 366 315)."))


# A campaign's dates fall within these years: a far date is a typing mistake (and the last
# day of the year 9999 has no day after it to close on).
CAMPAIGN_YEARS = (2000, 2100)


def campaign_year(form, field):
    """A campaign opens and closes between the years of ``CAMPAIGN_YEARS``."""
    first, last = CAMPAIGN_YEARS
    if field.data and not first <= field.data.year <= last:
        raise ValidationError(_l("Enter a date between %(first)s and %(last)s.", first=first,
                                 last=last))


class CampaignForm(Form):
    """Admin: a campaign (the controller's details come from a landlord when left blank)."""

    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=140)])
    slug = StringField(_l("Address of the campaign: /demandes/…"),
                       validators=[DataRequired(REQUIRED), Length(max=60), check_slug],
                       render_kw={"autocapitalize": "none", "spellcheck": "false"})
    landlord_id = SelectField(_l("Landlord (optional: fills the controller's details left "
                                 "blank)"), coerce=int)
    controller_name = StringField(_l("Name of the data controller (optional with a "
                                     "landlord)"), validators=[Optional(), Length(max=140)])
    controller_address = TextAreaField(_l("Postal address of the controller (optional with a "
                                          "landlord)"), validators=[Optional(), Length(max=300)])
    dpo_email = EmailField(_l("E-mail of its data protection officer (optional)"),
                           validators=[Optional(), Email(EMAIL), Length(max=200)])
    dpo_address = TextAreaField(_l("Postal address of its data protection officer (optional)"),
                                validators=[Optional(), Length(max=300)])
    siren = StringField(_l("SIREN number (optional)"), validators=[Optional(), check_siren])
    explanation = TextAreaField(_l("Explanation for tenants (Markdown, optional)"),
                                validators=[Optional(), Length(max=MAX_SOURCE_CHARS),
                                            few_brackets, Screened()],
                                render_kw={"rows": 8})
    letter_fr = TextAreaField(_l("Letter in French (optional: the default letter otherwise)"),
                              validators=[Optional(), Length(max=20000), no_unknown_placeholder,
                                          Screened()], render_kw={"rows": 12})
    letter_en = TextAreaField(_l("Letter in English (optional: the default letter otherwise)"),
                              validators=[Optional(), Length(max=20000), no_unknown_placeholder,
                                          Screened()], render_kw={"rows": 12})
    keep_as_written = BooleanField(_l("Keep the flagged text as written"))
    opens_on = DateField(_l("Opens on"), validators=[DataRequired(DATE), campaign_year],
                         years=CAMPAIGN_YEARS)
    closes_on = DateField(_l("Closes on (optional)"), validators=[Optional(), campaign_year],
                          years=CAMPAIGN_YEARS)
    submit = SubmitField(_l("Save the campaign"))

    def validate_closes_on(self, field):
        """A campaign closes on or after the day it opens."""
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError(_l("The campaign must close on or after the day it opens."))
