"""Public addresses of communiqués: a slug from the publication date and the title, made
once and never changed, unique even for two communiqués with the same title the same day."""
import re
import unicodedata
from datetime import date

MAX_WORDS_CHARS = 60
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss",
                            "’": "-", "'": "-"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def words(title: str) -> str:
    """The title as lowercase ASCII words joined by hyphens, cut at a word before
    MAX_WORDS_CHARS ("Loyers : la hausse de 2026" → "loyers-la-hausse-de-2026")."""
    decomposed = unicodedata.normalize("NFKD", title.translate(_LIGATURES))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _NOT_WORD.sub("-", ascii_only.lower()).strip("-")
    if len(slug) > MAX_WORDS_CHARS:
        slug = slug[:MAX_WORDS_CHARS + 1].rsplit("-", 1)[0] or slug[:MAX_WORDS_CHARS]
    return slug or "communique"


def candidate(day: date, title: str, attempt: int = 1) -> str:
    """The slug for a title published on ``day``: "2026-03-12-title", then "-2", "-3"..."""
    base = f"{day.isoformat()}-{words(title)}"
    return base if attempt == 1 else f"{base}-{attempt}"


def unique_slug(db, day: date, title: str, communique_id: int) -> str:
    """The first free slug for this title and day (call it inside the write transaction
    that stores it, so that no other communiqué takes it meanwhile)."""
    attempt = 1
    while True:
        slug = candidate(day, title, attempt)
        taken = db.execute("select id from communiques where slug = ? and id != ?",
                           [slug, communique_id]).fetchone()
        if not taken:
            return slug
        attempt += 1
