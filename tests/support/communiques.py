"""Communiqués in tests: editor accounts, and a communiqué written by one and approved by
another."""
import itertools
from dataclasses import dataclass

from association.db import connect

@dataclass(frozen=True)
class Writer:
    """An editor as the communiqués' workflow sees one (id, login, role), for direct calls."""

    id: int | None
    login: str
    role: str = "editor"


_writers = itertools.count(1)


def editor_rows(app) -> tuple["Writer", "Writer"]:
    """Two editor accounts (invited, never signed in): a writer and an approver."""
    from association.volunteers import accounts

    db = connect(app.config["DATABASE"])
    made = []
    with app.app_context():
        for role in ("writer", "approver"):
            login = f"{role}-{next(_writers)}"
            made.append(Writer(accounts.create(db, login, "editor", [])[0], login))
    db.close()
    return made[0], made[1]


def publish_communique(app, title="Loyers : notre réponse", body="Le texte du **communiqué**.",
                       lang="fr", cosignatories="", original_id=None) -> tuple[int, str]:
    """A communiqué written by one editor and approved by another; return (id, slug)."""
    from association.communiques import workflow

    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        communique_id = workflow.create(db, writer, lang, {
            "title": title, "body": body, "cosignatories": cosignatories}, {}, original_id)
        workflow.submit(db, communique_id, writer)
        workflow.approve(db, communique_id, approver)
        slug = db.execute("select slug from communiques where id = ?",
                          [communique_id]).fetchone()[0]
    db.close()
    return communique_id, slug
