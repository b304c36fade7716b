"""The volunteer's page that confirms a member's key from the code the member shows
(``/benevoles/cles/confirmer``). The volunteer sees neither the key nor the member: only
whether the code was right. A QR code brings the code in the address's fragment, which the
browser never sends: the server, its logs included, receives it only in the form's POST."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import throttle
from ..db import get_db
from ..dates import in_words
from ..volunteers import role_required
from . import confirmation
from .forms import ConfirmationCodeForm

bp = Blueprint("key_confirm", __name__, url_prefix="/benevoles/cles")

WRONG_CODE = _l("This code does not work: it may be mistyped, already used, replaced by a "
                "newer one or older than %(minutes)s minutes. Check it with the member, or ask "
                "them for a new code in their space.",
                minutes=confirmation.MINUTES)


@bp.route("/confirmer", methods=["GET", "POST"])
@role_required("volunteer")
def confirm():
    """Type the member's code (kept when refused); a right one confirms their key."""
    form = ConfirmationCodeForm()
    if form.validate_on_submit():
        try:
            confirmation.redeem(get_db(), form.code.data, current_user, str(current_user.id))
        except confirmation.WrongCode:
            form.code.errors.append(WRONG_CODE)
        except throttle.Throttled as error:
            form.code.errors.append(_("Too many wrong codes. Try again after %(time)s.",
                                      time=in_words(error.retry_at, "time")))
            return throttle.response("members/confirm_key.html", error.retry_at, form=form)
        else:
            flash(_("The member's key is confirmed. Thank you."), "success")
            return redirect(url_for("key_confirm.confirm"), code=303)
    return render_template("members/confirm_key.html", form=form), 400 if form.errors else 200
