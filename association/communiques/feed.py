"""The Atom feed of every published communiqué, with its full text (feedgen).

Links in the text are made absolute (a feed reader does not know the site's address) and
each entry carries its own language. An entry's ``updated`` moves with each correction, so
readers show the corrected text with its dated note. feedgen (and lxml under it) is imported
by the first feed a worker writes, not with the app.
"""
import re
from datetime import datetime, timezone

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from .. import clock, reference
from ..dates import in_words
from ..markup import typeset
from ..urls import external_url
from . import embeds, publication, replies

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HREF = re.compile(r'href="([/#][^"]*)"')


def absolute_links(html: str, page_url: str, base_url: str) -> str:
    """The HTML with the site's own links written out in full: "/x" under the site's
    address, "#note" under the page's."""
    def full(match: re.Match) -> str:
        href = match[1]
        if href.startswith("#"):
            return f'href="{page_url}{href}"'
        if href.startswith("//"):
            return match[0]
        return f'href="{base_url}{href}"'
    return _HREF.sub(full, html)


class _EntryLanguage:
    """feedgen entry extension: the entry's own xml:lang, and its link marked as the
    HTML page in that language (feedgen 1.0 drops a link's rel, type and hreflang)."""

    lang = "fr"

    def extend_atom(self, entry):
        """Set the language on the entry element and its link."""
        entry.set(XML_LANG, self.lang)
        for link in entry.findall("link"):  # feedgen's elements are not namespaced until written
            link.set("rel", "alternate")
            link.set("type", "text/html")
            link.set("hreflang", self.lang)
        return entry

    def extend_rss(self, item):
        """Nothing for RSS: only Atom is served."""
        return item


def _first_day(db) -> datetime:
    """When communiqués were installed: the date of an empty feed, stable from one request
    to the next."""
    row = db.execute("select min(applied_at) from _sqlite_migrations "
                     "where migration_set = 'communiques'").fetchone()
    if not row or not row[0]:
        return clock.now()
    applied = datetime.fromisoformat(row[0])
    return applied if applied.tzinfo else applied.replace(tzinfo=timezone.utc)


def _updated(row: dict, answers: dict) -> datetime:
    """When an entry last changed: its last correction, or a reply published since."""
    return clock.parse(max([row["updated_at"]] + [
        reply["created_at"] for reply in answers.get(row["id"], [])]))


def _replies_html(found: list[dict], lang: str) -> str:
    """The replies under an entry's text, as its page shows them (right of reply)."""
    pieces = []
    with force_locale(lang):
        for reply in found:
            pieces.append(Markup('<section class="reply"><h2>{}</h2><p>{}</p>').format(
                _("Right of reply: %(author)s", author=reply["author"]),
                _("Request received on %(date)s, published under the law (LCEN art. 6 IV).",
                  date=in_words(reply["received_on"], "day", lang))))
            pieces += [Markup("<p>{}</p>").format(Markup("<br>").join(paragraph.splitlines()))
                       for paragraph in reply["text"].split("\n\n") if paragraph.strip()]
            pieces.append(Markup("</section>"))
    return str(Markup("").join(pieces))


def atom(db, lang: str) -> str:
    """The feed as an XML document (UTF-8 text)."""
    from feedgen.feed import FeedGenerator

    association = reference.association(db)
    name = association["name"] or "Amicale"
    feed_url = external_url("communiques.feed")
    base_url = feed_url[: -len(url_for("communiques.feed"))]
    generator = FeedGenerator()
    generator.id(feed_url)
    generator.title(_("Communiqués — %(name)s", name=name))
    generator.author({"name": name})
    generator.link(href=feed_url, rel="self", type="application/atom+xml")
    generator.link(href=external_url("communiques.index"), rel="alternate", type="text/html")
    generator.language(lang)
    generator.generator("Amicale")
    rows = publication.everything_published(db)
    answers = replies.every(db)
    generator.updated(max(_updated(row, answers) for row in rows) if rows else _first_day(db))
    for row in reversed(rows):  # feedgen puts the last entry added first
        page_url = external_url("communiques.show", slug=row["slug"])
        entry = generator.add_entry()
        entry.register_extension("amicale_language", _EntryLanguage, rss=False)
        entry.amicale_language.lang = row["lang"]
        entry.id(row["feed_id"])
        entry.title(typeset(row["title"], row["lang"]))
        entry.link(href=page_url)
        entry.published(clock.parse(row["published_at"]))
        entry.updated(_updated(row, answers))
        entry.summary(row["summary"] or row["title"])
        entry.content(absolute_links(str(embeds.apply(db, row["html"])), page_url, base_url)
                      + _replies_html(answers.get(row["id"], []), row["lang"]), type="html")
        for organisation in row["cosignatory_names"]:
            entry.contributor({"name": organisation})
    return generator.atom_str(pretty=True).decode()
