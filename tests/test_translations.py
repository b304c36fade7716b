"""French first: every text of the interface has a French translation, kept up to date."""
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "association" / "translations"
KEYWORDS = {"_": None, "_l": None, "gettext": None, "lazy_gettext": None,
            "ngettext": (1, 2), "lazy_ngettext": (1, 2)}


def source_messages() -> set[str]:
    """Every message id written in the code and templates today."""
    with open(TRANSLATIONS / "babel.cfg") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def french_catalogue():
    """The French catalogue as Babel reads it."""
    with open(TRANSLATIONS / "fr" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale="fr")


def test_every_message_has_a_french_translation():
    """No text in the code is missing from the French catalogue or left untranslated."""
    catalogue = french_catalogue()
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue if m.id and "fuzzy" not in m.flags
        and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    missing = sorted(source_messages() - translated)
    assert missing == [], "run `make extract-messages` and translate: " + repr(missing[:10])


def test_placeholders_survive_translation():
    """Each translation keeps the %(name)s placeholders of its original."""
    import re

    for message in french_catalogue():
        if message.id and message.string and isinstance(message.id, str):
            names = set(re.findall(r"%\((\w+)\)s", message.id))
            assert names == set(re.findall(r"%\((\w+)\)s", message.string)), message.id


def test_catalogue_is_not_fuzzy():
    """A catalogue marked fuzzy is skipped by `pybabel compile`: the site would be English."""
    assert not french_catalogue().fuzzy


def test_french_typography():
    """French punctuation: a no-break space before ":", a narrow no-break space before ";",
    "!" and "?" and inside « », never an ordinary space there and never none."""
    import re

    wrong = []
    for message in french_catalogue():
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            # (the colon of an address or a time, "http://", "14:05", has no space and no
            # letter before it that the rule could be about)
            bad = (re.findall(r"(?:[^\u00a0]|^):(?!//)(?=\s|$)", text)
                   + re.findall(r"(?:[^\u202f]|^)[;!?](?=\s|$)", text)
                   + re.findall(r"«(?!\u202f)|(?<!\u202f)»", text))
            if bad:
                wrong.append(f"{message.id!r}: {text!r}")
    assert wrong == []


def test_a_lazy_message_with_typed_text_is_escaped(app):
    """A lazy message (``lazy_gettext``) shown in a template is escaped like any text, even
    though Flask-Babel marks it as safe HTML."""
    from flask import render_template_string
    from flask_babel import lazy_gettext

    with app.test_request_context("/?lang=en"):
        message = lazy_gettext("Use at most %(max)s characters.", max="<script>alert(1)</script>")
        page = render_template_string("<p>{{ message }}</p>", message=message)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
