"""Mail to members through a real SMTP server on loopback (aiosmtpd)."""
import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from association.members import hooks, keys as members, mail as mailer
from association.db import connect


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    """A port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    """A real SMTP server on 127.0.0.1; yields (inbox, url)."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, f"smtp://127.0.0.1:{controller.port}"
    controller.stop()


def member_with_address(app, db, email="lou@example.org", language="fr"):
    """A member who gave an address, with the confirmation queued."""
    with app.app_context():
        member_id, key = members.create(db, language=language)
        members.set_contact(db, member_id, email)
        mailer.queue(db, member_id, "contact_confirmation")
    return member_id, key


def test_confirmation_is_sent_in_the_members_language(app, db, smtp):
    """The queued confirmation reaches the server, in French, with no key in it."""
    inbox, url = smtp
    app.config["SMTP_URL"] = url
    _, key = member_with_address(app, db)
    with app.app_context():
        assert mailer.deliver(db) == {"sent": 1, "failed": 0}
        assert mailer.deliver(db) == {"sent": 0, "failed": 0}
    (recipients, message), = inbox.messages
    assert recipients == ["lou@example.org"]
    assert message["Subject"] == "Vos rappels de l'association"
    body = message.get_payload(decode=True).decode()
    assert "6\xa0mois" in body and key not in body and key.replace("-", "") not in body
    assert db.table("outbox").count_where("sent_at is not null") == 1


def test_english_member_gets_english(app, db, smtp):
    """A member who made their key in English is written to in English."""
    inbox, url = smtp
    app.config["SMTP_URL"] = url
    member_with_address(app, db, language="en")
    with app.app_context():
        mailer.deliver(db)
    assert inbox.messages[0][1]["Subject"] == "Your reminders from the association"


def test_without_a_server_nothing_is_sent_and_nothing_lost(app, db):
    """With no SMTP_URL the message waits in the queue."""
    member_with_address(app, db)
    with app.app_context():
        assert mailer.deliver(db)["sent"] == 0
    assert db.table("outbox").count_where("sent_at is null") == 1


def test_failed_send_is_retried_later(app, db, smtp, clock):
    """A server that is down: the message stays queued, and goes once the server is back."""
    inbox, url = smtp
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"  # nobody listens there
    member_with_address(app, db)
    with app.app_context():
        assert mailer.deliver(db) == {"sent": 0, "failed": 1}
        row = next(db.table("outbox").rows)
        assert row["attempts"] == 1 and row["last_error"] == "ConnectionRefusedError"
        app.config["SMTP_URL"] = url
        assert mailer.deliver(db)["sent"] == 0  # not due yet
        clock.advance(minutes=16)
        assert mailer.deliver(db) == {"sent": 1, "failed": 0}
    assert len(inbox.messages) == 1


def test_removed_address_cancels_the_message(app, db, smtp):
    """If the member removes the address first, nothing is sent."""
    inbox, url = smtp
    app.config["SMTP_URL"] = url
    member_id, _ = member_with_address(app, db)
    with app.app_context():
        members.remove_contact(db, member_id)
        mailer.deliver(db)
    assert inbox.messages == [] and db.table("outbox").count == 0


def test_member_space_queues_the_confirmation(app, smtp):
    """Giving an address in the member space queues its confirmation, sent by the job."""
    from conftest import csrf_token
    from association.scheduler import run_due
    from association import jobs

    inbox, url = smtp
    app.config["SMTP_URL"] = url
    client = app.test_client()
    client.post("/membre/nouvelle-cle", data={"csrf_token": csrf_token(client, "/membre/")})
    client.post("/membre/contact", data={"csrf_token": csrf_token(client, "/membre/"),
                                         "contact-email": "space@example.org", "contact-consent": "y"})
    assert run_due(app, jobs.job("mail", app)) == "done"
    assert inbox.messages[0][0] == ["space@example.org"]
    db = connect(app.config["DATABASE"])
    assert db.table("outbox").count_where("sent_at is not null") == 1
    db.close()


def test_console_mode_writes_the_message_without_its_address(app, db, caplog):
    """AMICALE_MAIL=console (make run) without a server: the message is written to the log,
    subject and body, never the address, and counted sent so that it is written once."""
    app.config["MAIL"] = "console"
    _, key = member_with_address(app, db, email="lou.dupont@example.org")
    with caplog.at_level("INFO", logger="amicale.mail"), app.app_context():
        assert mailer.deliver(db) == {"sent": 1, "failed": 0}
        assert mailer.deliver(db) == {"sent": 0, "failed": 0}
    (record,), = [[r for r in caplog.records if r.name == "amicale.mail"]]
    text = record.getMessage()
    assert "contact_confirmation" in text and "Vos rappels de l'association" in text
    assert "6\xa0mois" in text  # the body, as the member would read it
    assert "lou" not in text and "example.org" not in text and key not in text
    assert db.table("outbox").count_where("sent_at is not null") == 1


def test_a_server_wins_over_console_mode(app, db, smtp, caplog):
    """With AMICALE_SMTP_URL given, console mode changes nothing: the message goes out."""
    inbox, url = smtp
    app.config.update(MAIL="console", SMTP_URL=url)
    member_with_address(app, db)
    with caplog.at_level("INFO", logger="amicale.mail"), app.app_context():
        assert mailer.deliver(db) == {"sent": 1, "failed": 0}
    assert len(inbox.messages) == 1
    assert not [r for r in caplog.records if r.name == "amicale.mail"]


def test_administrators_are_told_where_console_messages_go(app, db):
    """The admin's dashboard notice says messages go to the server's log, not that they wait."""
    from types import SimpleNamespace

    app.config["MAIL"] = "console"
    with app.test_request_context("/?lang=en"):
        assert hooks.notices(db, SimpleNamespace(is_admin=True)) == [
            "Messages to members are written to the server's log, not sent "
            "(AMICALE_MAIL=console, for trying Amicale out)."]
