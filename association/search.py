"""Full-text indexes derived from declared columns (``Table(search=...)``), and safe queries.

An index is an FTS5 table with external content (the words, not a second copy of the text),
kept in step with its table by triggers; the retention purge and erasure rebuild it after
deleting (see ``retention.Removal``). What people type is turned into a query that FTS5
cannot refuse: each word is quoted, so a stray quote, colon or ``NEAR(`` is only a word.
"""
import re

TOKENIZER = "unicode61 remove_diacritics 2"  # "humidité" finds "humidite", and the reverse
_WORD = re.compile(r"\w+", re.UNICODE)


def create_index(db, table) -> None:
    """Create the declared table's full-text index and its triggers, filled from the rows.
    Plain statements only, so that it runs inside a migration's transaction."""
    name, index = table.name, table.search_table
    columns = ", ".join(f"[{c}]" for c in table.search)
    new = ", ".join(f"new.[{c}]" for c in table.search)
    old = ", ".join(f"old.[{c}]" for c in table.search)
    db.execute(f"create virtual table [{index}] using fts5 ({columns}, content=[{name}], "
               f"content_rowid=id, tokenize='{TOKENIZER}')")
    db.execute(f"create trigger [{name}_ai] after insert on [{name}] begin "
               f"insert into [{index}] (rowid, {columns}) values (new.id, {new}); end")
    db.execute(f"create trigger [{name}_ad] after delete on [{name}] begin "
               f"insert into [{index}] ([{index}], rowid, {columns}) "
               f"values ('delete', old.id, {old}); end")
    db.execute(f"create trigger [{name}_au] after update on [{name}] begin "
               f"insert into [{index}] ([{index}], rowid, {columns}) "
               f"values ('delete', old.id, {old}); "
               f"insert into [{index}] (rowid, {columns}) values (new.id, {new}); end")
    db.execute(f"insert into [{index}]([{index}]) values ('rebuild')")


def match_query(typed: str, limit_words: int = 12, column: str | None = None) -> str | None:
    """An FTS5 query finding rows holding every word typed (the last one as a prefix), in
    ``column`` when the index has several, or None when nothing searchable was typed."""
    words = _WORD.findall(typed or "")[:limit_words]
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return f"{column} : ({' AND '.join(quoted)})" if column else " ".join(quoted)


def within(query: str, column: str, values) -> str:
    """``query`` restricted to the rows whose indexed ``column`` is one of ``values``
    (numbers): the index intersects the lists itself, without reading the other rows."""
    listed = " OR ".join(f'"{int(value)}"' for value in values)
    return f"{column} : ({listed}) AND {query}"
