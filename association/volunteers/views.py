"""Views of the volunteer area: sign-in, invitation, dashboard, building page, own account."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import clock, qr, reference, shown_once, throttle, urls
from ..capability import sections
from ..db import get_db
from ..forms import ButtonForm
from ..dates import in_words
from ..security import client_address
from . import accounts, attention, auth, second_factor
from .forms import (ConfirmCodeForm, EnrolForm, LoginForm, PasswordChangeForm,
                    ReauthForm)
from .labels import CODE_WRONG, INVITATION, SIGN_IN, THROTTLED

bp = Blueprint("volunteers", __name__, url_prefix="/benevoles")


def _issuer() -> str:
    return reference.association(get_db())["name"] or "Amicale"


@bp.route("/connexion", methods=["GET", "POST"])
def login():
    """Sign in with login, password and one-time code."""
    if current_user.is_authenticated:
        return redirect(url_for("volunteers.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            account = auth.sign_in(db, form.login.data, form.password.data, form.code.data,
                                   client_address(), request.cookies.get(auth.DEVICE_COOKIE))
        except auth.SignInError as error:
            if error.code == "throttled":
                return throttle.response("volunteers/login.html", error.retry_at, form=form,
                                         error=THROTTLED % {"time": in_words(error.retry_at, "time")})
            return render_template("volunteers/login.html", form=form,
                                   error=SIGN_IN[error.code]), 400
        auth.start_session(db, account)
        response = redirect(urls.safe_next(request.args.get("next"))
                            or url_for("volunteers.dashboard"))
        auth.set_known_device(response, account)
        return response
    return render_template("volunteers/login.html", form=form, error=None), \
        400 if form.errors else 200


@bp.post("/deconnexion")
@auth.signed_in_required
def logout():
    """End this session."""
    if ButtonForm().validate_on_submit():
        auth.end_session(get_db())
        flash(_("You are signed out."), "success")
    return redirect(url_for("public.home"))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def invitation(token):
    """Accept an invitation: choose a password and enrol the authenticator app; the new
    volunteer is then signed in and shown their recovery codes."""
    db = get_db()
    try:
        invite = accounts.open_invitation(db, token)
    except accounts.AccountError as error:
        if error.code == "invitation_used" and current_user.is_authenticated \
                and accounts.invitation_owner(db, token) == current_user.id:
            return redirect(url_for("volunteers.recovery_codes"))  # their own, just used
        status = 404 if error.code == "invitation_unknown" else 410
        return render_template("volunteers/invitation_closed.html",
                               message=INVITATION[error.code]), status
    account = accounts.get(db, invite["volunteer_id"])
    secret = accounts.enrolment_secret(db, invite)
    form = EnrolForm()
    form.context_words = (account["login"], _issuer())
    if form.validate_on_submit():
        try:
            account, codes = accounts.accept_invitation(db, token, form.password.data,
                                                        form.code.data)
        except accounts.AccountError as error:
            if error.code != "code_wrong":  # the link was spent or expired meanwhile
                return render_template("volunteers/invitation_closed.html",
                                       message=INVITATION[error.code]), 410
            form.code.errors.append(CODE_WRONG)
        else:
            auth.start_session(db, account)
            shown_once.keep("recovery_codes", codes, f"volunteer:{account['id']}")
            response = redirect(url_for("volunteers.recovery_codes"), code=303)
            auth.set_known_device(response, account)
            return response
    uri = second_factor.provisioning_uri(secret, account["login"], _issuer())
    return render_template("volunteers/invitation.html", form=form, account=account,
                           qr=qr.svg(uri), otpauth=uri, secret=second_factor.grouped(secret))


@bp.get("/codes-de-secours")
@auth.signed_in_required
def recovery_codes():
    """The recovery codes just made, until the volunteer says they kept them; then a page
    saying they were shown once."""
    codes = shown_once.pending("recovery_codes", f"volunteer:{current_user.id}")
    return render_template("volunteers/recovery_codes.html", codes=codes)


@bp.post("/codes-de-secours/gardes")
@auth.signed_in_required
def recovery_codes_kept():
    """The volunteer has kept their codes: they are not shown again."""
    if ButtonForm().validate_on_submit():
        shown_once.forget("recovery_codes")
    return redirect(url_for("volunteers.dashboard"))


@bp.get("/")
@auth.signed_in_required
def dashboard():
    """What needs attention in the volunteer's buildings."""
    db = get_db()
    scope = current_user.scope(db)
    buildings = [b for b in reference.buildings(db) if b["id"] in scope]
    return render_template("volunteers/dashboard.html", buildings=buildings,
                           notices=attention.notices(db, current_user))


@bp.get("/batiments/<int:building_id>")
@auth.role_required("volunteer")
def building(building_id):
    """One building of the volunteer's scope (any other answers 404)."""
    db = get_db()
    auth.require_building(db, building_id)
    found = reference.building(db, building_id) or abort(404)
    return render_template("volunteers/building.html", building=found,
                           sections=sections("lends.building_sections", db, found))


@bp.get("/compte")
@auth.signed_in_required
def account():
    """The volunteer's own account: password, second factor, sessions."""
    return _account_page()


def _account_page(password_form=None, reauth_form=None, status=200):
    return render_template("volunteers/account.html",
                           **_account_context(password_form, reauth_form)), status


def _account_context(password_form=None, reauth_form=None) -> dict:
    db = get_db()
    return {
        "password_form": password_form or PasswordChangeForm(prefix="password", formdata=None),
        "reauth_form": reauth_form or ReauthForm(prefix="factor", formdata=None),
        "sessions": accounts.sessions_of(db, current_user.id),
        "recovery_left": accounts.unused_recovery_codes(db, current_user.id),
        "current_session": current_user.session_hash,
    }


def _reauthenticated(db, form) -> bool:
    """Check the current password and a fresh code, under the same throttles and the same
    single use of codes as sign-in; put errors on the form. Raises auth.SignInError when
    throttled."""
    row = accounts.get(db, current_user.id)
    problem = auth.verify(db, row, row["login"], form.current.data, form.code.data,
                          client_address())
    if problem == "password":
        form.current.errors.append(_("This is not your current password."))
    elif problem:
        form.code.errors.append(SIGN_IN["code_reused"] if problem == "code_reused"
                                else CODE_WRONG)
    return problem is None


def _reauth_throttled(error, **forms):
    """The account page with a 429 and the time to retry, when re-authentication is paused."""
    form = forms.get("password_form") or forms.get("reauth_form")
    form.current.errors.append(THROTTLED % {"time": in_words(error.retry_at, "time")})
    return throttle.response("volunteers/account.html", error.retry_at,
                             **_account_context(**forms))


@bp.post("/compte/mot-de-passe")
@auth.signed_in_required
def change_password():
    """Change password after re-authentication; other sessions end."""
    db = get_db()
    form = PasswordChangeForm(prefix="password")
    form.context_words = (current_user.login, _issuer())
    try:
        accepted = form.validate_on_submit() and _reauthenticated(db, form)
    except auth.SignInError as error:
        return _reauth_throttled(error, password_form=form)
    if accepted:
        accounts.change_password(db, current_user, form.password.data,
                                 keep_session=current_user.session_hash)
        flash(_("Your password has been changed. Your other sessions have been ended."),
              "success")
        return redirect(url_for("volunteers.account"))
    return _account_page(password_form=form, status=400)


@bp.post("/compte/second-facteur")
@auth.signed_in_required
def new_second_factor():
    """After re-authentication, a new secret to scan, confirmed with a code on the next page."""
    db = get_db()
    form = ReauthForm(prefix="factor")
    try:
        accepted = form.validate_on_submit() and _reauthenticated(db, form)
    except auth.SignInError as error:
        return _reauth_throttled(error, reauth_form=form)
    if not accepted:
        return _account_page(reauth_form=form, status=400)
    shown_once.keep("new_factor", second_factor.new_secret(), f"volunteer:{current_user.id}")
    return redirect(url_for("volunteers.confirm_second_factor"), code=303)


def _confirm_page(form, secret, status=200):
    uri = second_factor.provisioning_uri(secret, current_user.login, _issuer())
    return render_template("volunteers/second_factor.html", form=form, qr=qr.svg(uri),
                           otpauth=uri, secret=second_factor.grouped(secret)), status


@bp.route("/compte/second-facteur/confirmer", methods=["GET", "POST"])
@auth.signed_in_required
def confirm_second_factor():
    """Enrol the new app once it shows a right code; new recovery codes replace the old."""
    secret = shown_once.pending("new_factor", f"volunteer:{current_user.id}")
    if not secret:
        return redirect(url_for("volunteers.account"))
    form = ConfirmCodeForm()
    if form.validate_on_submit():
        step = second_factor.accepted_step(secret, form.code.data, 0, clock.now())
        if isinstance(step, int):
            db = get_db()
            codes = accounts.change_second_factor(db, current_user, secret, step)
            shown_once.forget("new_factor")
            shown_once.keep("recovery_codes", codes, f"volunteer:{current_user.id}")
            return redirect(url_for("volunteers.recovery_codes"), code=303)
        form.code.errors.append(CODE_WRONG)
    return _confirm_page(form, secret, status=400 if form.errors else 200)


@bp.post("/compte/sessions/fin")
@auth.signed_in_required
def end_other_sessions():
    """End every session of this account except the current one."""
    if ButtonForm().validate_on_submit():
        db = get_db()
        ended = accounts.end_sessions(db, current_user.id, keep=current_user.session_hash,
                                      by=current_user)
        flash(ngettext("%(num)s other session ended.", "%(num)s other sessions ended.", ended),
              "success")
    return redirect(url_for("volunteers.account"))
