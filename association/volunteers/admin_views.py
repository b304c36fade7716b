"""Administration of accounts: roles and building scopes, invitations, resets, the audit log."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from flask import Blueprint

from .. import qr, shown_once, urls
from ..db import get_db
from ..forms import choices
from . import accounts, auth, logbook
from ..forms import ButtonForm, Confirmation, confirmed
from .forms import (AccountForm, AuditFilterForm, ScopeForm, building_choices)
from .labels import ACCOUNT, ROLE_LABELS

bp = Blueprint("admin", __name__, url_prefix="/benevoles/admin")

admin_required = auth.role_required("admin")


def invitation_url(token: str) -> str:
    """The full invitation link to hand over."""
    return urls.external_url("volunteers.invitation", token=token)


@bp.get("/comptes")
@admin_required
def accounts_list():
    """Every account with its role, buildings and state."""
    return render_template("volunteers/admin/accounts.html",
                           accounts=accounts.all_accounts(get_db()), roles=ROLE_LABELS)


@bp.route("/comptes/nouveau", methods=["GET", "POST"])
@admin_required
def account_new():
    """Create an account and show its invitation link once."""
    db = get_db()
    form = AccountForm()
    form.buildings.choices = building_choices(db)
    if form.validate_on_submit():
        try:
            volunteer_id, token = accounts.create(db, form.login.data, form.role.data,
                                                  form.buildings.data, by=current_user)
        except accounts.AccountError as error:
            form.login.errors.append(ACCOUNT[error.code])
        else:
            return _show_link(volunteer_id, token)
    return render_template("volunteers/admin/account_new.html", form=form), \
        400 if form.errors else 200


def _account_or_404(db, volunteer_id):
    return accounts.get(db, volunteer_id) or abort(404)


@bp.route("/comptes/<int:volunteer_id>", methods=["GET", "POST"])
@admin_required
def account_detail(volunteer_id):
    """One account: role and buildings, and the actions on it."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    form = ScopeForm(data={"role": account["role"],
                           "buildings": sorted(accounts.building_ids(db, {**account,
                                                                          "role": "volunteer"}))})
    form.buildings.choices = building_choices(db)
    if form.validate_on_submit():
        try:
            accounts.set_role_and_scope(db, volunteer_id, form.role.data, form.buildings.data,
                                        by=current_user)
        except accounts.AccountError as error:
            form.role.errors.append(ACCOUNT[error.code])
        else:
            flash(_("Role and buildings saved."), "success")
            return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    sessions = db.table("volunteer_sessions").count_where("volunteer_id = ?", [volunteer_id])
    return render_template("volunteers/admin/account.html", account=account, form=form,
                           sessions=sessions), 400 if form.errors else 200


def _would_remove_last_admin(db, account, new_role=None, disabling=False) -> bool:
    """Whether the change would leave no administrator able to sign in, as far as can be
    told before it (to warn early; the write itself checks again, see
    ``accounts.keeping_an_admin``)."""
    if account["role"] != "admin" or not accounts.can_sign_in(account):
        return False
    losing = disabling or (new_role is not None and new_role != "admin")
    return losing and accounts.admin_count(db) <= 1


def _account_action(volunteer_id):
    """The account a button acts on, after the form's CSRF check (400 without it)."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    if request.method == "POST" and not ButtonForm().validate_on_submit():
        abort(400)
    return db, account


def _confirm(account, title, consequences, irreversible, confirm, endpoint):
    """The "are you sure?" page of an action on an account."""
    return Confirmation(
        title=title, consequences=consequences, irreversible=irreversible,
        action=url_for(endpoint, volunteer_id=account["id"]), confirm=confirm,
        cancel=url_for("admin.account_detail", volunteer_id=account["id"])).page()


@bp.route("/comptes/<int:volunteer_id>/desactiver", methods=["GET", "POST"])
@admin_required
def account_disable(volunteer_id):
    """Disable an account after confirmation: its sessions end at once."""
    db, account = _account_action(volunteer_id)
    if _would_remove_last_admin(db, account, disabling=True):
        flash(ACCOUNT["last_admin"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    if not confirmed():
        sessions = len(accounts.sessions_of(db, volunteer_id))
        return _confirm(account, _("Disable the account %(login)s?", login=account["login"]), [
            _("%(login)s can no longer sign in.", login=account["login"]),
            ngettext("%(num)s open session ends now.", "%(num)s open sessions end now.",
                     sessions)],
            _("You can enable the account again later."), _("Disable the account"),
            "admin.account_disable")
    try:
        accounts.set_disabled(db, volunteer_id, True, by=current_user)
    except accounts.AccountError as error:  # the other administrators left meanwhile
        flash(ACCOUNT[error.code], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    flash(_("Account disabled; its sessions have ended."), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.post("/comptes/<int:volunteer_id>/reactiver")
@admin_required
def account_enable(volunteer_id):
    """Enable a disabled account again."""
    db, _account = _account_action(volunteer_id)
    accounts.set_disabled(db, volunteer_id, False, by=current_user)
    flash(_("Account enabled again."), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.route("/comptes/<int:volunteer_id>/second-facteur", methods=["GET", "POST"])
@admin_required
def account_reset(volunteer_id):
    """Reset password and second factor after confirmation: a new invitation link."""
    db, account = _account_action(volunteer_id)
    if _would_remove_last_admin(db, account, disabling=True):
        flash(ACCOUNT["last_admin"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    if not confirmed():
        sessions = len(accounts.sessions_of(db, volunteer_id))
        codes = accounts.unused_recovery_codes(db, volunteer_id)
        login = account["login"]
        return _confirm(account, _("Reset the password and second factor of %(login)s?",
                                   login=login), [
            _("The password and the authenticator app of %(login)s stop working.",
              login=login),
            ngettext("%(num)s open session ends now.", "%(num)s open sessions end now.",
                     sessions),
            ngettext("%(num)s unused recovery code stops working.",
                     "%(num)s unused recovery codes stop working.", codes),
            _("You get a new single-use invitation link for %(login)s to set them again.",
              login=login)],
            _("The old password, app and codes cannot be restored."),
            _("Reset and get a new link"), "admin.account_reset")
    try:
        token = accounts.reset_second_factor(db, volunteer_id, by=current_user)
    except accounts.AccountError as error:  # the other administrators left meanwhile
        flash(ACCOUNT[error.code], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    flash(_("The password and second factor of this account have been cleared and its "
            "sessions ended."), "success")
    return _show_link(volunteer_id, token)


def _show_link(volunteer_id: int, token: str):
    """Keep a new invitation link for its page (it survives a reload or a language switch
    until the administrator says it was handed over)."""
    shown_once.keep("invitation_link", {"volunteer": volunteer_id, "token": token},
                    f"volunteer:{current_user.id}")
    return redirect(url_for("admin.invitation_link", volunteer_id=volunteer_id), code=303)


@bp.get("/comptes/<int:volunteer_id>/lien")
@admin_required
def invitation_link(volunteer_id):
    """The invitation link just made for an account, with a QR code to hand it over; once
    handed over, a page saying it was shown once."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    kept = shown_once.pending("invitation_link", f"volunteer:{current_user.id}")
    if not kept or kept["volunteer"] != volunteer_id:
        return render_template("volunteers/admin/invitation_link.html", account=account,
                               link=None)
    link = invitation_url(kept["token"])
    return render_template("volunteers/admin/invitation_link.html", account=account,
                           link=link, qr=qr.svg(link))


@bp.post("/comptes/<int:volunteer_id>/lien/remis")
@admin_required
def invitation_link_handed(volunteer_id):
    """The link was handed over: it is not shown again."""
    if ButtonForm().validate_on_submit():
        shown_once.forget("invitation_link")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.post("/comptes/<int:volunteer_id>/sessions")
@admin_required
def account_end_sessions(volunteer_id):
    """End every session of an account."""
    db, _account = _account_action(volunteer_id)
    ended = accounts.end_sessions(db, volunteer_id, by=current_user)
    flash(ngettext("%(num)s session ended.", "%(num)s sessions ended.", ended), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.route("/comptes/<int:volunteer_id>/supprimer", methods=["GET", "POST"])
@admin_required
def account_delete(volunteer_id):
    """Delete a disabled account for good, after confirmation."""
    db, account = _account_action(volunteer_id)
    if not account["disabled"]:
        flash(ACCOUNT["still_enabled"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    if not confirmed():
        entries = logbook.entries_of(db, volunteer_id)
        buildings = len(accounts.building_ids(db, {**account, "role": "volunteer"}))
        login = account["login"]
        return _confirm(account, _("Delete the account %(login)s for good?", login=login), [
            _("The account %(login)s, its password, app and recovery codes are deleted.",
              login=login),
            ngettext("Its scope of %(num)s building is deleted.",
                     "Its scope of %(num)s buildings is deleted.", buildings),
            ngettext("The audit log keeps the login in its %(num)s entry.",
                     "The audit log keeps the login in its %(num)s entries.", entries)],
            _("A deleted account cannot be restored: invite the person again if needed."),
            _("Delete the account"), "admin.account_delete")
    try:
        accounts.delete(db, volunteer_id, by=current_user)
    except accounts.AccountError as error:  # enabled again meanwhile
        flash(ACCOUNT[error.code], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    flash(_("Account deleted."), "success")
    return redirect(url_for("admin.accounts_list"))


@bp.get("/journal")
@admin_required
def audit_log():
    """Browse and filter the audit log."""
    db = get_db()
    form = AuditFilterForm(request.args)
    every = [("", _("All"))]
    form.volunteer.choices = choices(
        every + [(str(a["id"]), a["login"]) for a in accounts.all_accounts(db)])
    form.action.choices = choices(every + logbook.action_choices())
    form.object_type.choices = choices(every + logbook.object_type_choices(db))
    page = logbook.page_number(request.args.get("page", 1, type=int))
    filters = form.data if form.validate() else {}
    rows, more = logbook.page(db, filters, page)
    return render_template("volunteers/admin/audit.html", form=form, rows=rows, page=page,
                           more=more)
