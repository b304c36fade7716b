"""Form pieces shared by every capability: choices, checkbox lists, and screened free text.

Every free-text field written by a member or a volunteer uses ``Screened`` (DESIGN rule 3):
when the sensitive-content screen flags something, the form comes back with the flagged
words highlighted, their category and why it matters, and the writer either rewrites or
ticks the form's confirmation box to keep the text as written (it is then stored flagged):
for health and the other special categories, the box is explicit consent (GDPR art.
9(2)(a)); allegations of offences cannot be kept at all (art. 10).
"""
from dataclasses import dataclass

import wtforms.widgets
import wtforms.widgets.core
from flask_babel import get_locale
from jinja2 import pass_context
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from wtforms import DateField as WTFormsDateField
from wtforms import SelectField, SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.form import BaseForm
from wtforms.validators import DataRequired, Optional, StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .audit import REVEAL_REASONS
from .privacy import CATEGORY_LABELS, Flags, find_sensitive  # noqa: F401 (labels: a face)

WHY = _l("The association does not need this to handle the matter. Whatever is written here "
         "can be read by the member concerned and, if it is forwarded, by the landlord. "
         "Describe the facts (what, where, since when) rather than the people.")


def html_params(**attributes) -> Markup:
    """WTForms' ``html_params``, the same attributes in the same order, written with one
    f-string each: WTForms formats each through ``Markup.format``, which escapes every piece
    apart, and that was half the time of drawing the report form (a select of 14 options
    calls it 15 times)."""
    written = []
    for name, value in sorted(attributes.items()):
        name = wtforms.widgets.core.clean_key(name)
        if value is True:
            written.append(str(escape(name)))
        elif value is not False:
            written.append(f'{escape(name)}="{str(escape(value)).replace(chr(34), "&quot;")}"')
    return Markup(" ".join(written))


# Every widget of WTForms 3.3 finds it there: the module's function, and the copy that inputs
# and buttons hold as a class attribute.
wtforms.widgets.core.html_params = wtforms.widgets.html_params = html_params
wtforms.widgets.core.Input.html_params = wtforms.widgets.core.Button.html_params = \
    staticmethod(html_params)


class Form(FlaskForm):
    """Our forms. CSRFProtect checks the token of every POST before any view runs, so forms
    do not carry a token field of their own: pages hold one ``csrf_field()`` per form, and
    several forms can share a page without duplicate ids."""

    class Meta:
        csrf = False


# The years a date typed in a form may fall in. Year 1 or 9999 parse as dates, but the
# arithmetic around a date (a time zone's offset, a deadline, a reminder) would overflow.
YEARS = (1900, 2999)


def years_message(years: tuple[int, int] = YEARS):
    """What a date outside ``years`` is told."""
    return _l("Enter a date between %(first)s and %(last)s.", first=years[0], last=years[1])


class DateField(WTFormsDateField):
    """A date typed in a form: outside ``years`` (``YEARS`` unless given), refused with a
    message saying so (the typed text is shown again) and read as no date, so that nothing
    computes with it."""

    def __init__(self, *args, years: tuple[int, int] = YEARS, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years

    def pre_validate(self, form):
        """Refuse a date outside the years before any other check reads it."""
        if self.data is not None and not self.years[0] <= self.data.year <= self.years[1]:
            self.data = None
            raise StopValidation(years_message(self.years))


class OptionalChoice(Optional):
    """``Optional`` for a select: nothing is chosen only when the value is missing or empty.
    WTForms' ``Optional`` also takes blanks for nothing and then wipes the select's "not a
    valid choice" error, so that "  " would come through as the choice."""

    def __init__(self):
        super().__init__(strip_whitespace=False)


class ButtonForm(Form):
    """A form that is only a button (sign out, end sessions, disable...)."""

    submit = SubmitField(_l("Confirm"))


def confirmed() -> bool:
    """Confirm-then-act, the one way: True when this request carries out a confirmed action
    (a POST with its form's token), False on GET, when the view shows its ``Confirmation``
    page; a POST without a valid token is refused (400)::

        if not confirmed():
            return Confirmation(...).page()
        ...act...
    """
    from flask import abort, request

    if request.method == "GET":
        return False
    if not ButtonForm().validate_on_submit():
        abort(400)
    return True


@dataclass
class Confirmation:
    """An "are you sure?" page before what cannot be undone: its title, what will happen (in
    numbers), what cannot be undone, the address that acts and the one that goes back
    (see ``confirmed``)."""

    title: object
    consequences: list
    irreversible: object | None
    action: str
    confirm: object
    cancel: str
    danger: bool = True
    volunteer_area: bool = True

    def page(self, status: int = 200):
        """The confirmation page (the GET of an action that a POST then carries out)."""
        from flask import render_template

        return render_template("confirm.html", confirmation=self), status


def csrf_field() -> Markup:
    """The hidden CSRF input for a form (no id, so a page may hold several)."""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(generate_csrf())


REVEAL_REASON_LABELS = {
    "handle": _l("to handle this member's matter"),
    "check_before_sending": _l("to check it before anything is sent to the landlord"),
    "member_asked": _l("the member asked me to"),
    "safety": _l("someone's safety is at stake"),
}


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the choices of a select or checkbox list."""
    return [SelectChoice(value, label) for value, label in pairs]


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes: usable by keyboard, on a phone, without JavaScript."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class Screened:
    """Validator: refuse flagged text unless the form's ``confirm`` box is ticked, and refuse
    allegations of offences even then (GDPR art. 10: ``Flags.never_kept``).

    It leaves ``field.findings`` (what the screen found) for the template and for storage,
    ``field.own_text``: whether the writer writes about themselves (a member's report), so
    that the box asks for their own explicit consent (art. 9(2)(a)) rather than for the
    confirmation that the person concerned gave theirs, and ``field.keep_refused``: the box
    cannot keep this text. ``about_organisations``: a text about the landlord or a company
    (a case's timeline, a public summary, an action, a campaign) may mention an offence once
    the writer confirms it is about an organisation, not a person (art. 10 protects people);
    domestic violence is never about an organisation.
    """

    def __init__(self, confirm: str = "keep_as_written", own: bool = False,
                 about_organisations: bool = False):
        self.confirm = confirm
        self.own = own
        self.about_organisations = about_organisations

    def __call__(self, form, field):
        field.findings = find_sensitive(field.data or "", str(get_locale() or "fr"))
        field.own_text = self.own
        flags = Flags.of(field.findings)
        refused = flags.never_kept()
        field.about_organisation = self.about_organisations and "offences" in refused
        if field.about_organisation:
            refused = Flags(refused - {"offences"})
        field.keep_refused = bool(refused)
        if refused:
            raise ValidationError(_l(
                "This text mentions %(categories)s. An association may not keep allegations of "
                "offences about other people (GDPR art. 10; art. 46 of the loi Informatique et "
                "libertés), so it cannot be kept as written: rewrite it without them, saying "
                "what you saw in the building (what, where, when) rather than what someone did. "
                "If someone is in danger, call 17; for domestic violence, 3919 (free and "
                "anonymous).", categories=", ".join(str(label) for label in refused.labels())))
        if flags.special() and not form[self.confirm].data:
            raise ValidationError(_l(
                "This text mentions %(categories)s. Rewrite it, or tick the box below to give "
                "explicit consent to keeping it.", categories=", ".join(
                    str(label) for label in flags.labels())))
        if flags and not form[self.confirm].data:
            raise ValidationError(_l(
                "This text mentions %(categories)s. Rewrite it, or tick the box below to keep "
                "it as written.", categories=", ".join(str(label) for label in
                                                      flags.labels())))


def keep_label(field, confirm) -> str:
    """The label of the "keep" box for a flagged field: explicit consent naming the special
    categories found (GDPR art. 9(2)(a)), the confirmation that an offence is an
    organisation's, or the plain confirmation for the others."""
    special = Flags.found_in(field).special()
    parts = []
    if special:
        data = ", ".join(str(label) for label in special.labels())
        if getattr(field, "own_text", False):
            parts.append(str(_l(
                "I explicitly consent to the association keeping what my text says about: "
                "%(data)s (GDPR art. 9(2)(a)). I may withdraw this consent at any time by "
                "deleting the text: erasing my data from my space deletes it at once.",
                data=data)))
        else:
            parts.append(str(_l(
                "The person concerned has explicitly consented to the association keeping what "
                "this text says about: %(data)s (GDPR art. 9(2)(a)). Deleting the text "
                "withdraws that consent.", data=data)))
    if getattr(field, "about_organisation", False):
        parts.append(str(_l(
            "The offence mentioned is an organisation's (the landlord, a company), never a "
            "person's: allegations of offences about people cannot be kept (GDPR art. 10).")))
    return " ".join(parts) or str(confirm.label.text)


class RevealForm(Form):
    """Reveal masked text: say why, from a closed list (nothing free is written in the log)."""

    reason = SelectField(
        _l("Why do you need to read it?"),
        choices=[SelectChoice("", _l("— choose a reason —"))] +
                [SelectChoice(code, REVEAL_REASON_LABELS[code]) for code in REVEAL_REASONS],
        validators=[DataRequired(_l("Say why you need to read it; the member will see it."))])


def highlight(text: str, findings) -> Markup:
    """The text, escaped, with each flagged span in a <mark> naming its category."""
    pieces, position = [], 0
    for finding in findings:
        pieces.append(escape(text[position:finding.start]))
        label = CATEGORY_LABELS[finding.category]
        pieces.append(Markup('<mark title="{0}">{1}</mark> <span class="visually-hidden">({0})'
                             '</span>').format(label, text[finding.start:finding.end]))
        position = finding.end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


@pass_context
def refused_forms(context) -> list:
    """The forms of the page being drawn that came back with errors, in the order the view
    gave them (a form, or forms inside a dict, list or tuple it passed): the page shows
    their summaries first and says "Error" in its title."""
    found, seen = [], set()
    for value in context.get_all().values():
        inside = value.values() if isinstance(value, dict) else (
            value if isinstance(value, (list, tuple)) else (value,))
        for item in inside:
            if isinstance(item, BaseForm) and id(item) not in seen and item.errors:
                seen.add(id(item))
                found.append(item)
    return found


def init_app(app) -> None:
    """Give templates what the screened-field macro and the error summaries need."""
    app.jinja_env.globals.update(
        highlight=highlight, Flags=Flags, keep_label=keep_label,
        screen_why=WHY, csrf_field=csrf_field, refused_forms=refused_forms,
        reveal_reason=lambda code: REVEAL_REASON_LABELS.get(code, code))
