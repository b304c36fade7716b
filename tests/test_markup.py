"""Markdown → sanitised HTML: what renders, French typography, and what never gets through."""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup

from association.markup import (MAX_BRACKETS, MAX_SOURCE_CHARS, plain_text, render_markdown,
                                too_complex, too_long, typeset)

CORPUS = Path(__file__).parent / "corpus"
NNBSP = "\u202f"

ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2",
                "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "strong", "sub",
                "sup", "table", "tbody", "td", "th", "thead", "tr", "ul"}
ALLOWED_ATTRIBUTES = {"href", "title", "id", "class", "rel"}


class Parsed(HTMLParser):
    """The tags and attributes of some HTML, as a browser-like parser reads them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    handle_startendtag = handle_starttag


def xss_payloads():
    """The payloads of tests/corpus/xss.txt, with \\n and \\t turned into real characters."""
    lines = (CORPUS / "xss.txt").read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n").replace("\\t", "\t")
            for line in lines if line.strip() and not line.startswith("#")]


def test_the_xss_corpus_is_large_enough():
    """The corpus keeps at least thirty payloads."""
    assert len(xss_payloads()) >= 30


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("payload", xss_payloads())
def test_xss_payload_is_neutralised(payload, lang):
    """No script, event handler, dangerous URL or foreign tag survives the renderer."""
    html = render_markdown(payload, lang)
    parsed = Parsed(html)
    assert "<script" not in html.lower()
    assert set(parsed.tags) <= ALLOWED_TAGS
    for tag, name, value in parsed.attributes:
        assert name in ALLOWED_ATTRIBUTES, (tag, name)
        if name == "href":
            # As a browser reads a URL: tabs and newlines vanish, outer controls and spaces go.
            url = re.sub(r"[\t\n\r]", "", value).strip("\x00- ").lower()
            assert not url.startswith(("javascript:", "data:", "vbscript:")), value
            scheme = re.match(r"([a-z][a-z0-9+.-]*):", url)
            assert scheme is None or scheme.group(1) in {"http", "https", "mailto"}, value


@pytest.mark.parametrize("source, expected", [
    ("# Titre\n\n## Sous-titre", ["<h1>Titre</h1>", "<h2>Sous-titre</h2>"]),
    ("**gras** et *italique*", ["<strong>gras</strong>", "<em>italique</em>"]),
    ("- un\n- deux\n\n1. premier\n2. second",
     ["<ul>\n<li>un</li>\n<li>deux</li>\n</ul>", "<ol>\n<li>premier</li>\n<li>second</li>\n</ol>"]),
    ("[l’ordre du jour](/communiques/ag)", ['<a href="/communiques/ag">l’ordre du jour</a>']),
    ("> Le bailleur doit répondre.",
     ["<blockquote>\n<p>Le bailleur doit répondre.</p>\n</blockquote>"]),
    ("| Bâtiment | Logements |\n|---|---|\n| A | 40 |",
     ["<th>Bâtiment</th>", "<th>Logements</th>", "<td>A</td>", "<td>40</td>"]),
    ("```\nligne 1\nligne 2\n```", ["<pre><code>ligne 1\nligne 2\n</code></pre>"]),
    ("Et `le code`.", ["<code>le code</code>"]),
], ids=["headings", "emphasis", "lists", "link", "quote", "table", "fenced code", "inline code"])
def test_markdown_constructs_render(source, expected):
    """Headings, emphasis, lists, links, quotes, tables and code become their HTML."""
    html = render_markdown(source)
    for fragment in expected:
        assert fragment in html


def test_footnotes_render_with_working_ids():
    """A footnote links to its note and back, with the back-link titled in the page's language."""
    source = "Texte[^1].\n\n[^1]: La note."
    html = render_markdown(source)
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in html
    assert '<div class="footnote">' in html and '<li id="fn:1">' in html
    assert 'href="#fnref:1" title="Revenir à l’appel de la note 1"' in html
    assert 'title="Back to the reference of note 1"' in render_markdown(source, "en")


def test_author_ids_are_dropped():
    """Only footnote ids survive, so a text cannot clobber an id of the page around it."""
    html = render_markdown('<p id="main">a</p> <sup id="content">b</sup>')
    assert "id=" not in html


def test_render_markdown_returns_markup():
    """The result is safe to put in a template as it is."""
    assert isinstance(render_markdown("texte"), Markup)


@pytest.mark.parametrize("href", ["https://exemple.fr/a", "http://exemple.fr", "HTTPS://exemple.fr",
                                  "//exemple.fr/x", "/\\exemple.fr"])
def test_external_link_gets_noopener_nofollow(href):
    """A link that leaves the site, however it is spelled, carries rel="noopener nofollow"."""
    links = [attrs for attrs in Parsed(render_markdown(f'<a href="{href}">x</a>')).attributes
             if attrs[1] == "rel"]
    assert links == [("a", "rel", "noopener nofollow")]


@pytest.mark.parametrize("source", ["[x](/actions/3)", "[x](#fn:1)", "[x](?lang=en)",
                                    "[x](mailto:contact@amicale.example)"])
def test_internal_and_mail_links_have_no_rel(source):
    """Links that stay on the site (or open the mail client) are left as they are."""
    assert "rel=" not in render_markdown(source)


def test_author_rel_is_replaced():
    """An author cannot choose a rel: an internal link loses it, an external one gets ours."""
    html = render_markdown('<a href="/x" rel="opener">a</a> '
                           '<a href="https://e.example" rel="opener">b</a>')
    assert '<a href="/x">a</a>' in html
    assert '<a href="https://e.example" rel="noopener nofollow">b</a>' in html


def test_images_become_their_alt_text():
    """Images are not shown (see markup.py); their description stays in the text."""
    html = render_markdown("![Plan du quartier](/static/plan.png)")
    assert "<img" not in html and "Plan du quartier" in html


@pytest.mark.parametrize("source, expected", [
    ("Bonjour : ça va ; oui ! Vraiment ?",
     f"Bonjour{NNBSP}: ça va{NNBSP}; oui{NNBSP}! Vraiment{NNBSP}?"),
    ("Ordre du jour: budget; travaux! Questions?",
     f"Ordre du jour{NNBSP}: budget{NNBSP}; travaux{NNBSP}! Questions{NNBSP}?"),
    ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
    ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
    ("l'association et aujourd'hui", "l’association et aujourd’hui"),
    ("Quoi ?!", f"Quoi{NNBSP}?!"),
    ("Rendez-vous à 10:30, ratio 3:2.", "Rendez-vous à 10:30, ratio 3:2."),
    ("Note\u00a0: suite", f"Note{NNBSP}: suite"),
    (f"Note{NNBSP}: suite", f"Note{NNBSP}: suite"),
    ("Voir https://exemple.fr/page?x=1 !", f"Voir https://exemple.fr/page?x=1{NNBSP}!"),
    ("Écrire à contact@amicale.example ?", f"Écrire à contact@amicale.example{NNBSP}?"),
    ("**Attention**!", f"<strong>Attention</strong>{NNBSP}!"),
    ("« **Non** »", f"«{NNBSP}<strong>Non</strong>{NNBSP}»"),
], ids=["spaces replaced", "spaces added", "guillemets", "guillemets unspaced", "apostrophes",
        "interrobang", "times and ratios", "no-break space", "narrow no-break space", "bare URL",
        "mail address", "after emphasis", "guillemets around emphasis"])
def test_french_typography(source, expected):
    """French text gets narrow no-break spaces and curly apostrophes where they belong."""
    assert render_markdown(source, "fr") == f"<p>{expected}</p>"


def test_typography_never_doubles_a_space():
    """A text already typed with (narrow) no-break spaces keeps exactly one before each mark."""
    html = render_markdown("Oui\u00a0! Non\u202f? Peut-être\u00a0\u00a0: «\u00a0bof\u00a0»")
    assert not re.search("[\u00a0\u202f ]{2}", html)


def test_typography_skips_code():
    """Code, inline or in a block, is shown exactly as typed."""
    html = render_markdown("Tapez `a : b` puis\n\n```\nx = c if d else 'e' ? f : g\n```")
    assert "<code>a : b</code>" in html
    assert "x = c if d else 'e' ? f : g" in html


def test_typography_skips_attributes_and_urls():
    """Link targets and titles are not touched, only the text people read."""
    html = render_markdown("[l'ordre ?](https://exemple.fr/a?b=c:d \"Titre : l'AG\")")
    assert 'href="https://exemple.fr/a?b=c:d"' in html
    assert 'title="Titre : l\'AG"' in html
    assert f">l’ordre{NNBSP}?</a>" in html


def test_typeset_is_the_typography_of_plain_text():
    """A title gets the same spaces and apostrophes as a text, and stays text (not HTML)."""
    assert typeset("Loyers : l'Amicale dit « non » !") == \
        f"Loyers{NNBSP}: l’Amicale dit «{NNBSP}non{NNBSP}»{NNBSP}!"
    assert typeset("a < b & **c**") == "a < b & **c**"
    assert typeset("Rents: we say no!", "en") == "Rents: we say no!"


@pytest.mark.parametrize("source", ["Bonjour : ça va ; oui ! Vraiment ?", "« Bonjour »",
                                    "l'association", "**Attention**!"])
def test_english_is_left_alone(source):
    """English text keeps its spaces and straight apostrophes."""
    html = render_markdown(source, "en")
    assert NNBSP not in html and "’" not in html


@pytest.mark.parametrize("source, text", [
    ("**gras sans fin", "**gras sans fin"),
    ("[lien(", "[lien("),
    ("<b>gras jamais fermé", "gras jamais fermé"),
    ("```\ncode sans fin", "code sans fin"),
    ("> citation\n>", "citation"),
    ("| a | b\n|---", "a"),
    ("[^absente]", "[^absente]"),
])
def test_unclosed_constructs_render_sanely(source, text):
    """Half-written Markdown renders as text instead of failing or swallowing content."""
    assert text in render_markdown(source)


def test_a_megabyte_renders():
    """A 1 MB text of ordinary prose renders; forms, not the renderer, enforce the limit."""
    block = ("## Assemblée générale\n\nL'Amicale vous invite : ordre du jour, **budget** et "
             "[travaux](https://exemple.fr/travaux) ! Venez nombreux ?\n\n"
             "- point un\n- point deux\n\n"
             "> « Citation » d'un locataire.\n\n")
    source = (block * (1_000_000 // len(block) + 1))[:1_000_000]
    assert "Assemblée générale" in render_markdown(source)


def test_too_long_is_the_form_limit():
    """Sources up to MAX_SOURCE_CHARS are accepted, longer ones are not."""
    assert MAX_SOURCE_CHARS == 100_000
    assert not too_long("x" * MAX_SOURCE_CHARS)
    assert too_long("x" * (MAX_SOURCE_CHARS + 1))


@pytest.mark.parametrize("source", [
    "[" * 20_000,  # a minute of rendering before this guard
    "[" * (MAX_BRACKETS + 1),
    "<a " * (MAX_BRACKETS + 1),
    "[" * 25 + "mot " * 24_000,  # few unclosed "[", one very long paragraph
    "[a](" * 300 + "mot " * 12_000,  # link targets never closed
    "1. " * 1_000,  # nested lists on one line: Python's stack runs out
    "".join(" " * 4 * depth + "- a\n" for depth in range(300)),
    "> " * 50_000,
], ids=["20000 [", "401 [", "401 <a", "unclosed [ in a long paragraph", "unclosed link targets",
        "nested numbers", "nested indentation", "nested quotes"])
def test_too_complex_catches_what_makes_the_renderer_crawl(source):
    """Texts that would take the renderer seconds or exhaust the stack are refused first."""
    assert too_complex(source)


@pytest.mark.parametrize("source", [
    ("Texte du communiqué, " * 10 + "[un lien](https://exemple.fr/page) ") * 300,
    "Voir [la loi](https://fr.wikipedia.org/wiki/Loi_(France)), [sic] et a < b. " * 200,
    "".join(" " * 4 * depth + "- point\n" for depth in range(6)) + "\n> > citation\n",
    "| a | b |\n|---|---|\n| <b>1</b> | [x](/y) |\n" * 100,
    "Texte[^1].\n\n[^1]: La note.\n" * 50,
], ids=["300 links in one paragraph", "parentheses, brackets, comparisons", "nesting",
        "tables", "footnotes"])
def test_too_complex_leaves_real_texts_alone(source):
    """Long texts with many links, notes, tables and some nesting are accepted."""
    assert not too_complex(source) and not too_long(source)


def test_what_too_complex_accepts_renders_as_written():
    """At the limits, the worst accepted texts render to what they say: unclosed brackets
    stay text in one paragraph, every tag allowed is kept and closed, a deep list is as deep
    as written. (How long they take is measured by ``make bench``: bench/descriptions.py.)"""
    words = "mot " * 24_000
    for source in ("[" * 19 + words, "[a](" * 19 + words):
        assert not too_complex(source)
        rendered = render_markdown(source)
        assert rendered.startswith("<p>" + source[:100])
        assert rendered.count("mot") == 24_000 and rendered.count("<") == 2  # <p>, </p>
    tags = "<b>x</b> " * (MAX_BRACKETS // 2) + "x" * 90_000
    assert not too_complex(tags)
    rendered = render_markdown(tags)
    assert rendered.count("<b>x</b>") == MAX_BRACKETS // 2 and rendered.endswith("x" * 90_000 + "</p>")
    nested = "1. " * 33
    assert not too_complex(nested)
    rendered = render_markdown(nested)
    assert rendered.count("<ol>") == rendered.count("</ol>") == rendered.count("<li>") == 33


def test_plain_text_is_the_readable_text_on_one_line():
    """Tags, footnotes and line breaks go; entities become characters; typography stays."""
    source = "# Titre\n\nUn *texte*[^1] avec a < b.\n\n<p>Bloc</p><p>suivant</p>\n\n[^1]: La note."
    assert plain_text(source) == "Titre Un texte avec a < b. Bloc suivant"
    assert plain_text("Oui !", lang="fr") == f"Oui{NNBSP}!"


@pytest.mark.parametrize("source, limit, expected", [
    ("Assemblée générale des locataires", 100, "Assemblée générale des locataires"),
    ("Assemblée générale des locataires", 33, "Assemblée générale des locataires"),
    ("Assemblée générale des locataires", 25, "Assemblée générale des…"),
    ("Assemblée générale des locataires", 20, "Assemblée générale…"),
    ("Assemblée générale, des locataires", 21, "Assemblée générale…"),
    ("Anticonstitutionnellement", 10, "Anticonst…"),
])
def test_plain_text_truncates_at_a_word(source, limit, expected):
    """A summary is cut at a word boundary, within the limit, ending with an ellipsis."""
    summary = plain_text(source, limit)
    assert summary == expected and len(summary) <= limit
