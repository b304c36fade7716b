"""Commands: the first administrator, through an invitation link (demo accounts: demo.py)."""
import click
from flask import current_app
from flask.cli import with_appcontext

from .. import urls
from ..db import get_db
from . import accounts


def invitation_link(token: str) -> str:
    """The invitation link under the configured public address (AMICALE_BASE_URL)."""
    with current_app.test_request_context():
        return urls.external_url("volunteers.invitation", token=token)


@click.command("create-admin")
@click.argument("login")
@with_appcontext
def create_admin_command(login):
    """Create an administrator account and print its one-time invitation link."""
    try:
        _, token = accounts.create(get_db(), login, "admin", [])
    except accounts.AccountError as error:
        raise click.ClickException(f"cannot create {login!r}: {error.code}") from None
    hours = int(accounts.INVITATION_LIFETIME.total_seconds() // 3600)
    click.echo(f"Administrator {login!r} created. Hand over this link (single use, "
               f"{hours} hours):")
    click.echo(invitation_link(token))



def init_app(app) -> None:
    """Register the ``create-admin`` command."""
    app.cli.add_command(create_admin_command)
