"""A key confirmed in person (issue 19): the member shows a short-lived code, a signed-in
volunteer types it, the key is confirmed (when and by whom only, audited, shown to the
member); the volunteer never sees the key, the server never stores the code."""
import re

from conftest import csrf_token, database_bytes, new_member, page_text

CODE = re.compile(r"\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b")
PAGE = "/benevoles/cles/confirmer"


def ask_code(member) -> str:
    """Ask for a confirmation code in the member space; return the code shown."""
    response = member.post("/membre/confirmation/code",
                           data={"csrf_token": csrf_token(member, "/membre/confirmation")})
    assert response.status_code == 303
    return CODE.search(page_text(member.get("/membre/confirmation")))[1]


def type_code(volunteer, code):
    """A volunteer types the code on their page; return the response."""
    return volunteer.post(PAGE, data={"csrf_token": csrf_token(volunteer, PAGE), "code": code})


def signed_in(app, volunteers, role="volunteer", login="accueil"):
    """A client signed in as a new volunteer account."""
    client = app.test_client()
    assert volunteers.login(client, volunteers.create(login, role)).status_code == 302
    return client


def test_a_volunteer_confirms_a_key_from_the_code_the_member_shows(app, db, volunteers):
    """The member asks for a code (text, QR code, nothing of the key), the volunteer types
    it: the key is confirmed, the member sees when and by whom, and their export says so."""
    member = app.test_client()
    key = new_member(member)
    space = page_text(member.get("/membre/"))
    assert "Confirmer ma clé avec un bénévole" in space and "pas encore" in space
    code = ask_code(member)
    shown = member.get("/membre/confirmation").get_data(as_text=True)
    assert key not in shown and code in shown and 'class="qr"' in shown
    assert db.table("key_confirmation_codes").count == 1
    assert code.encode() not in database_bytes(app)
    volunteer = signed_in(app, volunteers)
    page = volunteer.get(PAGE).get_data(as_text=True)
    assert key not in page and code not in page
    done = type_code(volunteer, code.lower().replace("-", " "))
    assert done.status_code == 303
    assert "La clé du membre est confirmée." in page_text(volunteer.get(PAGE))
    row = db.execute("select confirmed_at, confirmed_by from members").fetchone()
    assert row[0] and row[1]
    assert db.table("key_confirmation_codes").count == 0
    space = page_text(member.get("/membre/"))
    assert "Votre clé a été confirmée le" in space
    assert "accueil" in space and "a confirmé en personne qu'une clé appartient" in space
    exported = member.get("/membre/export.json").get_json()
    assert exported["tables"]["members"][0]["confirmed_at"] == row[0]


def test_a_wrong_expired_or_used_code_is_refused_with_the_value_kept(app, db, volunteers,
                                                                     clock):
    """A mistyped code, a used one and one older than a quarter of an hour get a clear
    message with what was typed; nothing is confirmed by them."""
    volunteer = signed_in(app, volunteers)
    wrong = type_code(volunteer, "ABCD-EFGH")
    assert wrong.status_code == 400 and "Ce code ne fonctionne pas" in page_text(wrong)
    assert 'value="ABCD-EFGH"' in wrong.get_data(as_text=True)
    shape = type_code(volunteer, "1234")
    assert shape.status_code == 400 and "8 lettres et chiffres" in page_text(shape)
    member = app.test_client()
    new_member(member)
    late = ask_code(member)
    clock.advance(minutes=16)
    assert type_code(volunteer, late).status_code == 400
    assert db.execute("select confirmed_at from members").fetchone()[0] is None
    assert "Afficher un code de confirmation" in page_text(member.get("/membre/confirmation"))
    code = ask_code(member)
    assert type_code(volunteer, code).status_code == 303
    reused = type_code(volunteer, code)
    assert reused.status_code == 400 and "Ce code ne fonctionne pas" in page_text(reused)
    assert db.table("audit_log").count_where("action = 'confirm_key'") == 1


def test_only_a_signed_in_volunteer_confirms(app, db, volunteers):
    """Without signing in (or as a member, or as an editor), the code confirms nothing."""
    member = app.test_client()
    new_member(member)
    code = ask_code(member)
    anonymous = app.test_client()
    sent = anonymous.post(PAGE, data={"csrf_token": csrf_token(anonymous, "/membre/"),
                                      "code": code})
    assert sent.status_code == 302 and "/benevoles/connexion" in sent.headers["Location"]
    assert member.post(PAGE, data={"csrf_token": csrf_token(member, "/membre/"),
                                   "code": code}).status_code == 302
    editor = signed_in(app, volunteers, role="editor", login="plume")
    assert editor.post(PAGE, data={"csrf_token": csrf_token(editor, "/benevoles/"),
                                   "code": code}).status_code == 403
    volunteer = signed_in(app, volunteers)
    assert volunteer.post(PAGE, data={"code": code}).status_code == 400  # no CSRF token
    assert db.execute("select confirmed_at from members").fetchone()[0] is None
    assert type_code(volunteer, code).status_code == 303


def test_wrong_codes_are_throttled_per_volunteer(app, volunteers):
    """Ten wrong codes in a quarter of an hour, then 429 saying when to retry."""
    volunteer = signed_in(app, volunteers)
    statuses = [type_code(volunteer, f"AAAA-AA{n:02d}").status_code for n in range(11)]
    assert statuses == [400] * 10 + [429]
    assert "Trop de codes erronés" in page_text(type_code(volunteer, "AAAA-AAAA"))


def test_a_new_code_replaces_the_old_one_and_erasure_removes_it(app, db):
    """Asking again replaces the member's code; erasing the space deletes the pending one."""
    member = app.test_client()
    new_member(member)
    ask_code(member)
    ask_code(member)
    assert db.table("key_confirmation_codes").count == 1
    token = csrf_token(member, "/membre/effacer")
    assert member.post("/membre/effacer", data={"csrf_token": token}).status_code == 200
    assert db.table("key_confirmation_codes").count == 0
