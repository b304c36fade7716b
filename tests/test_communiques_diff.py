"""The diff between revisions: readable (lines, then words), cut down to some context, and
safely escaped whatever the texts hold."""
from association.communiques import diff
from conftest import page_text, publish_communique


def test_a_changed_line_marks_words():
    """Inside a changed line, removed words are in <del>, added ones in <ins>."""
    lines = diff.lines("La réunion a lieu le 13 à 18 h.", "La réunion a lieu le 14 à 18 h.")
    assert [line.kind for line in lines] == ["changed"]
    assert str(lines[0].text) == "La réunion a lieu le <del>13</del><ins>14</ins> à 18 h."


def test_added_and_removed_lines_with_context():
    """Unchanged stretches are cut to two lines around each change."""
    old = "\n".join(f"ligne {n}" for n in range(20))
    new = old.replace("ligne 10", "ligne dix") + "\nligne 20"
    kinds = [line.kind for line in diff.lines(old, new)]
    assert kinds == ["gap", "same", "same", "changed", "same", "same", "gap", "same", "same",
                     "added"]


def test_the_diff_is_escaped():
    """Markup in a text is shown as text, never interpreted."""
    lines = diff.lines("<b>a</b>", '<script>alert("x")</script> <b>a</b>')
    html = "".join(str(line.text) for line in lines)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<ins>" in html


def test_only_changed_texts_are_compared():
    """A revision that changed only its text shows only the text's diff."""
    old = {"title": "Titre", "body": "A", "cosignatories": None, "note": None}
    assert list(diff.revisions(old, {**old, "body": "B"})) == ["body"]
    assert list(diff.revisions(None, old)) == ["title", "body"]


def test_the_compare_page(app, volunteers):
    """An editor compares two revisions of a corrected communiqué."""
    from association.communiques import workflow
    from association.db import connect
    from conftest import editor_rows

    communique_id, _ = publish_communique(app, body="Premier <texte>.")
    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        workflow.propose_correction(db, communique_id, writer, {
            "title": "Loyers : notre réponse", "body": "Second <texte>.", "note": "Mot."}, {})
    db.close()
    account = volunteers.create("plume", "editor")
    client = app.test_client()
    volunteers.login(client, account)
    response = client.get(f"/benevoles/communiques/{communique_id}/ecarts")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<del>Premier</del><ins>Second</ins> &lt;texte&gt;." in html
    assert "Note de rectificatif" in page_text(response)
    assert client.get(f"/benevoles/communiques/{communique_id}/ecarts?de=x&a=99").status_code == 200
