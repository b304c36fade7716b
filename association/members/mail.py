"""Mail to members who gave an address: a queue (``outbox``) emptied by a scheduled job.

Messages are written when sent, from their kind and the member's language: the queue holds
no text, and no message ever carries grievance text, keys or letter fields. Without
``AMICALE_SMTP_URL`` nothing is sent and the queue waits; a failed send is retried later.

In development (``make run`` sets ``AMICALE_MAIL=console``) a message is written to the log
instead, so that a newcomer sees what would go out: its kind, language, subject and body —
which hold nothing personal, by the rule above — but never its address, which would put a
member's identity in a log that retention cannot reach. It is then counted sent, as a message handed to a
server is: it is not written again every five minutes.
"""
import logging
import smtplib
import ssl
from datetime import timedelta
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import clock
from ..capability import collect
from ..i18n import duration
from . import keys

log = logging.getLogger("amicale.mail")

MAX_ATTEMPTS = 8
RETRY_AFTER = timedelta(minutes=15)


def queue(db, member_id: int, kind: str) -> None:
    """Queue a message of ``kind`` for the member."""
    if kind not in kinds():
        raise ValueError(f"unknown message kind {kind!r}")
    now = clock.stamp()
    db.table("outbox").insert({"member_id": member_id, "kind": kind, "created_at": now,
                               "next_attempt_at": now})


def waiting(db, member_id: int | None = None) -> int:
    """How many messages wait to be sent (to one member, or to anyone)."""
    if member_id is None:
        return db.table("outbox").count_where("sent_at is null")
    return db.table("outbox").count_where("member_id = ? and sent_at is null", [member_id])


def _contact_confirmation():
    paragraphs = (
        _("Hello,"),
        _("This address will receive the association's reminders. It deletes itself after "
          "%(duration)s, and you can remove it at any time in your personal space.",
          duration=duration(keys.CONTACT_LIFETIME)),
        _("If you did not ask for this, you can ignore this message: nothing else will be "
          "sent after the address expires."),
    )
    return _("Your reminders from the association"), "\n\n".join(paragraphs) + "\n"


# Each capability declares its own kinds (``MemberSpace.messages``): a kind and a function
# returning (subject, body) in the current language.
MESSAGES = {"contact_confirmation": _contact_confirmation}


def kinds() -> dict:
    """Every message kind with the function that writes it."""
    return dict(collect("member_space.messages"))


def compose(kind: str, language: str, sender: str, recipient: str) -> EmailMessage:
    """The message of ``kind`` in the member's language."""
    with force_locale(language):
        subject, body = kinds()[kind]()
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = subject, sender, recipient
    message.set_content(body)
    return message


def send(url: str, message: EmailMessage) -> None:
    """Send through the SMTP server of ``url``: smtp://[user:pass@]host[:port][?starttls=1]
    or smtps://…"""
    parts = urlsplit(url)
    options = parse_qs(parts.query)
    secure = parts.scheme == "smtps"
    port = parts.port or (465 if secure else 25)
    server_class = smtplib.SMTP_SSL if secure else smtplib.SMTP
    with server_class(parts.hostname, port, timeout=20) as server:
        if options.get("starttls", ["0"])[0] in ("1", "true"):
            server.starttls(context=ssl.create_default_context())
        if parts.username:
            server.login(unquote(parts.username), unquote(parts.password or ""))
        server.send_message(message)


def write_to_log(message: EmailMessage, kind: str, language: str) -> None:
    """``AMICALE_MAIL=console``: the message as it would go out, to the log, without its
    sender and recipient (addresses are never logged)."""
    log.info("message that would be sent (AMICALE_MAIL=console, no AMICALE_SMTP_URL): kind %s, "
             "language %s, to a member's address (not shown)\nSubject: %s\n\n%s",
             kind, language, message["Subject"], message.get_content().rstrip())


def deliver(db, today=None) -> dict:
    """Job: send what is due in the outbox; failures wait and are tried again."""
    url = current_app.config.get("SMTP_URL")
    console = not url and current_app.config.get("MAIL") == "console"
    if not url and not console:
        return {"sent": 0, "waiting": db.table("outbox").count_where("sent_at is null")}
    sender = current_app.config.get("MAIL_FROM") or "amicale@localhost"
    now = clock.now()
    due = list(db.query(
        "select o.id, o.kind, o.attempts, m.contact_email, m.language from outbox o "
        "join members m on m.id = o.member_id where o.sent_at is null and o.attempts < ? "
        "and o.next_attempt_at <= ? order by o.id", [MAX_ATTEMPTS, clock.stamp(now)]))
    sent = failed = 0
    for row in due:
        recipient = keys.contact_email(row)
        if not recipient:  # the address was removed or expired: nothing to send
            db.execute("delete from outbox where id = ?", [row["id"]])
            continue
        message = compose(row["kind"], row["language"], sender, recipient)
        try:
            if console:
                write_to_log(message, row["kind"], row["language"])
            else:
                send(url, message)
        except (OSError, smtplib.SMTPException) as error:
            failed += 1
            db.table("outbox").update(row["id"], {
                "attempts": row["attempts"] + 1, "last_error": type(error).__name__,
                "next_attempt_at": clock.stamp(now + RETRY_AFTER * (row["attempts"] + 1))})
            continue
        sent += 1
        db.table("outbox").update(row["id"], {"attempts": row["attempts"] + 1,
                                              "sent_at": clock.stamp(now), "last_error": None})
    return {"sent": sent, "failed": failed}
