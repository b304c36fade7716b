"""No personal data in logs: a whole journey through the app leaves none in any log line."""
import logging
import re

from conftest import csrf_token


def test_journey_logs_nothing_personal(app, volunteers, caplog):
    """Sign-ins (failed and not), a member key, an address, an export, an error: the log
    holds no password, code, key, address, e-mail or login."""
    caplog.set_level(logging.DEBUG)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    account = volunteers.create("secret-login-name")
    client = app.test_client()
    volunteers.login(client, account, password="a wrong password typed")
    volunteers.login(client, account)
    member = app.test_client()
    page = member.post("/membre/nouvelle-cle", follow_redirects=True,
                       data={"csrf_token": csrf_token(member, "/membre/")}).get_data(as_text=True)
    key = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}", page)[0]
    member.post("/membre/contact", data={"csrf_token": csrf_token(member, "/membre/"),
                                         "contact-email": "private@example.org",
                                         "contact-consent": "y"})
    member.get("/membre/export.json")
    member.post("/membre/", data={"csrf_token": csrf_token(member, "/membre/"), "key": key})
    client.get("/nulle-part?who=private@example.org")
    logged = caplog.text
    for secret in (account.password, "a wrong password typed", key, key.replace("-", ""),
                   "private@example.org", "secret-login-name", "127.0.0.1", account.secret):
        assert secret not in logged, secret
