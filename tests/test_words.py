"""Words as a tenant or a volunteer reads them: each required field says what is missing,
optional fields say so, every form has a way back, errors are joined with each language's
punctuation, dates read the European way in English too, and "fewer than 3" means the same
in both languages."""
import re
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest
from wtforms import BooleanField, SubmitField
from wtforms.validators import DataRequired, Optional

from association import counts, dates
from association.members import forms as member_forms
from association.volunteers import forms as volunteer_forms
from conftest import csrf_token
from conftest import page_text as text
from routes import html_pages

# (who, page holding the form, where it posts, French message, English message)
REQUIRED = [
    ("anonymous", "/benevoles/connexion", "/benevoles/connexion",
     "Saisissez votre identifiant.", "Enter your login."),
    ("anonymous", "/membre/", "/membre/",
     "Saisissez votre clé personnelle.", "Enter your personal key."),
    ("member", "/membre/", "/membre/contact",
     "Saisissez l'adresse à laquelle envoyer les rappels.",
     "Enter the address reminders should go to."),
    ("admin", "/benevoles/compte", "/benevoles/compte/mot-de-passe",
     "Saisissez votre mot de passe actuel.", "Enter your current password."),
    ("admin", "/benevoles/admin/comptes/nouveau", "/benevoles/admin/comptes/nouveau",
     "Choisissez un identifiant pour ce bénévole\u00a0: un pseudonyme convient.",
     "Choose a login for this volunteer: a pseudonym is fine."),
    ("admin", "/benevoles/admin/batiments/nouveau", "/benevoles/admin/batiments/nouveau",
     "Choisissez un nom pour le bâtiment.", "Choose a name for the building."),
    ("admin", "/benevoles/admin/bailleurs/nouveau", "/benevoles/admin/bailleurs/nouveau",
     "Saisissez le nom du bailleur.", "Enter the landlord's name."),
    ("admin", "/benevoles/admin/association", "/benevoles/admin/association",
     "Saisissez le nom de l'association.", "Enter the association's name."),
]


@pytest.mark.parametrize(("who", "page", "action", "french", "english"), REQUIRED,
                         ids=[r[2] for r in REQUIRED])
def test_a_required_field_says_what_is_missing(app, world, who, page, action, french, english):
    """Sent empty, the form comes back saying what to type, in French and in English, and
    never the generic "this field is required"."""
    client = world.clients[who]
    for lang, message in (("fr", french), ("en", english)):
        response = client.post(f"{action}?lang={lang}",
                               data={"csrf_token": csrf_token(client, page)})
        assert response.status_code == 400, action
        page_text = text(response)
        assert message in page_text
        assert "Ce champ est obligatoire" not in page_text
        assert "This field is required" not in page_text


def test_the_error_summary_joins_label_and_error_in_each_language(world):
    """"Nom : …" with a no-break space in French, "Name: …" in English."""
    admin = world.clients["admin"]
    token = csrf_token(admin, "/benevoles/admin/batiments/nouveau")
    french = text(admin.post("/benevoles/admin/batiments/nouveau?lang=fr",
                             data={"csrf_token": token}))
    assert "Nom\u00a0: Choisissez un nom pour le bâtiment." in french
    english = text(admin.post("/benevoles/admin/batiments/nouveau?lang=en",
                              data={"csrf_token": token}))
    assert "Name: Choose a name for the building." in english


def test_a_checkbox_error_is_above_the_box_without_its_label(world):
    """A missing consent is said above the box, and the summary says only what to do."""
    member = world.clients["member"]
    response = member.post("/membre/contact", data={
        "csrf_token": csrf_token(member, "/membre/"), "contact-email": "a@example.org"})
    assert response.status_code == 400
    page = text(response)
    message = "Cochez la case pour accepter, ou ne donnez pas d'adresse."
    summary = page[page.index('class="error-summary"'):]
    summary = summary[:summary.index("</div>")]
    assert re.search(r'<li><a href="#contact-consent">' + re.escape(message) + "</a></li>",
                     summary)
    assert "J'accepte" not in summary
    error = page.index('<p class="error" id="contact-consent-error">' + message)
    box = page.index('<input aria-describedby="contact-consent-error" aria-invalid="true"')
    assert error < box
    assert page.count(message) == 2  # the summary, and above the box


def _forms():
    """Every form class of the volunteer area and the personal space."""
    from association.forms import Form

    found = []
    for module in (volunteer_forms, member_forms):
        found += [value for value in vars(module).values() if isinstance(value, type)
                  and issubclass(value, Form) and value is not Form]
    return found


def test_optional_fields_say_so():
    """A field that may be left empty says "(optional)" in its label; a required one does
    not. (The audit log's filters are all optional and each offers "All": they are filters,
    not questions, and say nothing.)"""
    from flask import Flask
    from flask_babel import Babel, force_locale

    checked = 0
    app = Flask(__name__)
    Babel(app)
    with app.app_context(), force_locale("en"):
        for form in _forms():
            if form is volunteer_forms.AuditFilterForm:
                continue
            for name, unbound in vars(form).items():
                if not hasattr(unbound, "field_class") or unbound.field_class in (
                        SubmitField, BooleanField):
                    continue
                validators = unbound.kwargs.get("validators") or []
                label = str(unbound.args[0] if unbound.args else unbound.kwargs["label"])
                optional = any(isinstance(v, Optional) for v in validators) or (
                    unbound.field_class is volunteer_forms.MultiCheckboxField)
                required = any(isinstance(v, DataRequired) for v in validators)
                assert optional <= label.endswith("(optional)"), f"{form.__name__}.{name}"
                assert not (required and "(optional)" in label), f"{form.__name__}.{name}"
                checked += 1
    assert checked > 20


class _Forms(HTMLParser):
    """The forms of a page: for each, whether it has a field to fill and a Cancel link."""

    def __init__(self):
        super().__init__()
        self.forms, self._open = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._open = {"action": attrs.get("action"), "fields": 0, "cancel": False}
            self.forms.append(self._open)
        elif self._open is not None:
            if tag in ("select", "textarea") or (tag == "input" and attrs.get("type") not in (
                    "hidden", "submit")):
                self._open["fields"] += 1
            if tag == "a" and "cancel" in (attrs.get("class") or "").split():
                self._open["cancel"] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


def test_every_form_to_fill_has_a_way_back(app, world):
    """Every form with something to fill in, on every page of the access table and in the
    states a form comes back in, has a Cancel link (a form that is one button is not a form
    to fill: the page around it is the way back)."""
    pages = [(who, url) for who, url in html_pages(app, world.ids)]
    pages.append(("admin", "/benevoles/admin/comptes/nouveau"))
    missing, seen = [], 0
    for who, url in pages:
        parser = _Forms()
        parser.feed(world.clients[who].get(url).get_data(as_text=True))
        for form in parser.forms:
            if form["fields"]:
                seen += 1
                if not form["cancel"]:
                    missing.append(f"{url}: form to {form['action']}")
    assert seen >= 12 and missing == [], "\n".join(missing)


STAMP = datetime(2026, 11, 9, 19, 1, tzinfo=timezone.utc).isoformat(timespec="seconds")
NBSP = "\u00a0"


@pytest.mark.parametrize(("value", "form", "lang", "shown"), [
    (STAMP, None, "fr", "9 novembre 2026 à 20 h 01"),
    (STAMP, None, "en", "9 November 2026 at 20:01"),
    ("2027-01-07T17:30:00+00:00", None, "fr", "7 janvier 2027 à 18 h 30"),
    ("2027-01-07T17:00:00+00:00", None, "fr", "7 janvier 2027 à 18 h"),
    ("2026-12-01", None, "fr", "1er décembre 2026"),
    ("2026-12-01", None, "en", "1 December 2026"),
    ("2026-12-01", "weekday", "fr", "mardi 1er décembre 2026"),
    ("2026-12-01", "weekday", "en", "Tuesday 1 December 2026"),
    ("2026-11-30T23:30:00+00:00", "day", "fr", "1er décembre 2026"),  # the day in Paris
    ("2025-11", None, "fr", "novembre 2025"),
    ("2025-11", None, "en", "November 2025"),
    (None, None, "fr", ""),
    ("2026-02-30", None, "fr", "2026-02-30"),  # typed in a free field: no date, kept as is
    ("2026-13", None, "fr", "2026-13"),
    ("not a date", None, "fr", "not a date"),
])
def test_dates_in_words_as_their_readers_write_them(app, value, form, lang, shown):
    """One filter for dates in both languages: the first of the month is "1er" in French,
    the hour "18 h 30"; English in British order on the 24-hour clock; a stored moment in
    the association's time zone, never an offset."""
    with app.test_request_context(f"/?lang={lang}"):
        assert dates.in_words(value, form).replace(NBSP, " ") == shown
        assert app.jinja_env.filters["in_words"] is dates.in_words


def test_a_letter_is_dated_in_its_own_language_whatever_the_page(app):
    """A letter's language wins over the page's."""
    with app.test_request_context("/?lang=en"):
        assert dates.in_words("2026-12-01", "day", "fr").replace(NBSP, " ") == "1er décembre 2026"


def test_spans_in_words(app):
    """An action on one day reads "de 14 h à 16 h"; over two days, "du … au …"."""
    with app.test_request_context("/?lang=fr"):
        one = dates.span_in_words("2026-03-14T13:00:00+00:00", "2026-03-14T15:00:00+00:00")
        two = dates.span_in_words("2026-03-14T13:00:00+00:00", "2026-03-15T15:00:00+00:00")
    assert one.replace(NBSP, " ") == "samedi 14 mars 2026, de 14 h à 16 h"
    assert two.replace(NBSP, " ") == "du samedi 14 mars 2026 à 14 h au dimanche 15 mars 2026 à 16 h"
    with app.test_request_context("/?lang=en"):
        one = dates.span_in_words("2026-03-14T13:00:00+00:00", "2026-03-14T15:00:00+00:00")
    assert one == "Saturday 14 March 2026, 14:00–16:00"


def test_a_withheld_count_means_the_same_in_both_languages(app, client):
    """A withheld count reads "1 or 2" and "1 ou 2" (what it is: never 0, which is written
    0), and the report says so in both languages (issue 21: "fewer than 3" read as if it
    could be none)."""
    for lang, withheld, explained in (
            ("fr", "1 ou 2", "quand une ou deux personnes ou éléments sont concernés"),
            ("en", "1 or 2", "when one or two people or items are concerned")):
        with app.test_request_context(f"/?lang={lang}"):
            assert counts.label(None) == withheld and counts.label(0) == "0"
        page = text(client.get(f"/transparence?lang={lang}"))
        assert explained in page
        assert "between 1 and 3" not in page and "en dessous de 3" not in page
        assert "fewer than 3" not in page and "moins de 3" not in page


MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
DATES_NOT_IN_WORDS = {
    "the first of the month without “er”": re.compile(rf"(?<![\d])1[ \u00a0]({MONTHS_FR})\b"),
    "an ISO date": re.compile(r"(?<![/\w-])\d{4}-\d{2}-\d{2}\b"),  # not in an address
    # after a time ("18:30:00+01:00", "22:16:00 +0100"), or alone ("+01:00"); not a decree's
    # number ("décret 2007-1527")
    "an offset": re.compile(r"\d:\d{2}\s?[+-]\d{2}:?\d{2}\b|(?<![\w-])\+\d{2}:?\d{2}\b"
                            r"|\bUTC[+-]\d"),
    "a time as 18:30": re.compile(r"\b\d{1,2}:\d{2}\b"),
}


class _RunningText(HTMLParser):
    """The text a reader reads: not attributes (``<time datetime>`` is for machines), not
    scripts, styles or the contents of form fields."""

    def __init__(self):
        super().__init__()
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in ("script", "style", "textarea")

    def handle_endtag(self, tag):
        self.skipping -= tag in ("script", "style", "textarea") and self.skipping > 0

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def running_text(html: str) -> str:
    """A page's running text, one string."""
    parser = _RunningText()
    parser.feed(html)
    return " ".join(parser.parts)


def test_french_pages_and_letters_write_dates_in_words(app, volunteers):
    """Every page of the access table for its visitor, and a member's letter, in French, on
    a world made on the first of December: no "1 décembre" (but "1er décembre"), no ISO
    date, no offset, no "18:30" in running text."""
    from conftest import make_world

    app.config["CLOCK"].moment = datetime(2026, 12, 1, 17, 30, tzinfo=timezone.utc)
    world = make_world(app, volunteers)
    pages = [(f"{who} {url}", world.clients[who].get(url)) for who, url in
             html_pages(app, world.ids)]
    member = world.clients["member"]
    pages.append(("the member's letter", member.post("/demandes/bailleur-2026/lettre", data={
        "csrf_token": csrf_token(member, "/membre/"), "full_name": "Camille Test",
        "postal_address": "1 rue du Test\n75013 Paris", "tenant_ref": "LOC-1",
        "email": "camille@example.org"})))
    found, seen = [], set()
    for where, response in pages:
        assert response.status_code == 200, where
        page = running_text(response.get_data(as_text=True))
        seen.update(re.findall(rf"1er[ \u00a0](?:{MONTHS_FR})", page))
        for what, pattern in DATES_NOT_IN_WORDS.items():
            found += [f"{where}: {what}: …{page[max(m.start() - 40, 0):m.end() + 20]}…"
                      for m in pattern.finditer(page)]
    assert seen and found == [], "\n".join(found)
