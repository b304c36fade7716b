"""The two windows a statement opens, counted with the core's deadline arithmetic: six months
to consult the supporting documents (art. 23 of law 89-462) and three years to claim back what
was overpaid (art. 7-1), both from the day the statement came."""
from datetime import date, timedelta

from .. import deadlines

CONSULT_MONTHS = 6
CLAIM_MONTHS = 36
SOON_DAYS = 30  # the dashboard speaks of a window closing within a month
CLAIM_SOON_DAYS = 90  # ... and of the three years three months before their end


def consult_until(statement: dict) -> date:
    """The last day to consult the supporting documents."""
    return deadlines.due_date(date.fromisoformat(statement["received_on"]), CONSULT_MONTHS)


def claim_until(statement: dict) -> date:
    """The last day to claim back what the statement overcharged."""
    return deadlines.due_date(date.fromisoformat(statement["received_on"]), CLAIM_MONTHS)


def closing(statements: list[dict], today: date) -> list[tuple[dict, str, date]]:
    """The windows still open that close soon: (statement, "consult" or "claim", last day)."""
    found = []
    for statement in statements:
        for kind, last, soon in (("consult", consult_until(statement), SOON_DAYS),
                                 ("claim", claim_until(statement), CLAIM_SOON_DAYS)):
            if today <= last <= today + timedelta(days=soon):
                found.append((statement, kind, last))
    return found
