"""Writing communiqués: drafts and their revisions, every one kept with its author and date.

A communiqué is a row of ``communiques`` (its language, state and public address) and a
series of revisions (title, text, co-signatories, and for a correction its note). Saving a
changed text adds a revision; nothing is ever overwritten. Flags from the sensitive-content
screen are stored beside each text (categories only).
"""
from .. import clock
from ..privacy import Flags
from ..db import first_row

FIELDS = ("title", "body", "cosignatories", "note")
MAX_COSIGNATORIES = 20


def cosignatory_list(text: str | None) -> list[str]:
    """The organisations of a co-signatories field, one per line, blanks and repeats dropped."""
    seen, names = set(), []
    for line in (text or "").splitlines():
        name = " ".join(line.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def create(db, author, lang: str, texts: dict, flags: dict, original_id: int | None = None,
           is_demo: bool = False) -> int:
    """A new draft with its first revision; return its id. ``texts`` holds title, body and
    cosignatories; ``flags`` the screen's categories for each (lists)."""
    now = clock.stamp()
    with db.atomic():
        communique_id = db.table("communiques").insert({
            "lang": lang, "original_id": original_id, "status": "draft", "created_at": now,
            "draft_touched_at": now, "is_demo": int(is_demo)}).last_pk
        _insert_revision(db, communique_id, 1, author, texts, flags, now)
    return communique_id


def add_revision(db, communique: dict, author, texts: dict, flags: dict) -> int | None:
    """Add a revision after the latest one; return its number, or None when the texts are
    the same as the latest revision's (nothing is added). The unpublished revisions' clock
    for the deletion of drafts starts again."""
    latest = latest_revision(db, communique["id"])
    if latest and all(_normal(texts.get(name)) == _normal(latest[name]) for name in FIELDS):
        return None
    now = clock.stamp()
    number = (latest["number"] if latest else 0) + 1
    with db.atomic():
        _insert_revision(db, communique["id"], number, author, texts, flags, now)
        touch(db, communique["id"], now)
    return number


def touch(db, communique_id: int, now: str | None = None) -> None:
    """Restart the deletion clock of what is unpublished in this communiqué."""
    now = now or clock.stamp()
    db.execute("update communique_revisions set draft_touched_at = ? where communique_id = ? "
               "and draft_touched_at is not null", [now, communique_id])
    db.execute("update communiques set draft_touched_at = ? where id = ? "
               "and published_at is null", [now, communique_id])


def _normal(text) -> str:
    return (text or "").replace("\r\n", "\n").strip()


def _insert_revision(db, communique_id, number, author, texts, flags, now) -> None:
    cosignatories = "\n".join(cosignatory_list(texts.get("cosignatories")))
    db.table("communique_revisions").insert({
        "communique_id": communique_id, "number": number,
        "title": _normal(texts.get("title")), "title_flags": Flags(flags.get("title")).format(),
        "body": _normal(texts.get("body")), "body_flags": Flags(flags.get("body")).format(),
        "cosignatories": cosignatories or None,
        "cosignatories_flags": Flags(flags.get("cosignatories")).format(),
        "note": _normal(texts.get("note")) or None, "note_flags": Flags(flags.get("note")).format(),
        "author_id": getattr(author, "id", None), "author_login": getattr(author, "login", None),
        "created_at": now, "draft_touched_at": now,
    })


def get(db, communique_id: int) -> dict | None:
    """The communiqué with its latest revision's texts (``latest``) and the number of the
    published one, or None."""
    row = first_row(db, "select * from communiques where id = ?", [communique_id])
    if row is None:
        return None
    row["latest"] = latest_revision(db, communique_id)
    return row


def latest_revision(db, communique_id: int) -> dict | None:
    """The most recent revision of a communiqué."""
    return first_row(db,
        "select * from communique_revisions where communique_id = ? order by number desc "
        "limit 1", [communique_id])


def revision(db, communique_id: int, number: int) -> dict | None:
    """One revision of a communiqué, by its number."""
    return first_row(db,
        "select * from communique_revisions where communique_id = ? and number = ?",
        [communique_id, number])


def revisions(db, communique_id: int) -> list[dict]:
    """Every revision of a communiqué, newest first (texts left out)."""
    return list(db.query(
        "select number, author_login, created_at, approved_login, approved_at, published_at, "
        "note is not null as is_correction from communique_revisions "
        "where communique_id = ? order by number desc", [communique_id]))


def unpublished_authors(db, communique: dict) -> set[int]:
    """Who wrote a revision not yet public (every revision before the first publication,
    those of a proposed correction after it): the editors who wrote part of what awaits
    approval."""
    return {row["author_id"] for row in db.query(
        "select distinct author_id from communique_revisions where communique_id = ? "
        "and number > ? and author_id is not null",
        [communique["id"], communique["published_revision"] or 0])}


def has_pending_correction(communique: dict) -> bool:
    """Whether a published communiqué has a correction written after its public text."""
    latest = communique.get("latest")
    return (communique["status"] == "published" and latest is not None
            and latest["number"] > (communique["published_revision"] or 0))


EDITOR_GROUPS = ("submitted", "correction", "draft", "scheduled", "published", "withdrawn")


def for_editors(db) -> dict[str, list[dict]]:
    """Every communiqué with its latest title, grouped for the editors' list: awaiting
    approval (first publication, then proposed corrections), drafts, scheduled, published,
    withdrawn."""
    groups = {name: [] for name in EDITOR_GROUPS}
    rows = db.query("""
        select c.id, c.lang, c.status, c.slug, c.publish_at, c.published_at, c.updated_at,
               c.withdrawn_at, c.published_revision, r.number, r.title, r.author_login,
               r.created_at as revised_at
        from communiques c
        join communique_revisions r on r.communique_id = c.id
         and r.number = (select max(number) from communique_revisions
                         where communique_id = c.id)
        order by coalesce(c.updated_at, r.created_at) desc, c.id desc""")
    for row in rows:
        pending = row["status"] == "published" and row["number"] > (row["published_revision"] or 0)
        groups["correction" if pending else row["status"]].append(row)
    return groups


def originals(db, exclude: int | None = None) -> list[tuple[int, str, str]]:
    """Communiqués a new text may be the other language's version of: originals not
    withdrawn, as (id, language, latest title), newest first."""
    return [tuple(row) for row in db.execute("""
        select c.id, c.lang, r.title from communiques c
        join communique_revisions r on r.communique_id = c.id
         and r.number = (select max(number) from communique_revisions
                         where communique_id = c.id)
        where c.original_id is null and c.id != ? and c.status != 'withdrawn'
        order by c.id desc limit 200""", [exclude or 0]).fetchall()]


def versions(db, communique: dict) -> list[dict]:
    """The other language versions of a communiqué (its original, or its translations), as
    editors see them: id, language, status and latest title."""
    original = communique["original_id"] or communique["id"]
    return list(db.query("""
        select c.id, c.lang, c.status, c.slug, r.title from communiques c
        join communique_revisions r on r.communique_id = c.id
         and r.number = (select max(number) from communique_revisions
                         where communique_id = c.id)
        where (c.id = ? or c.original_id = ?) and c.id != ? order by c.id""",
        [original, original, communique["id"]]))
