"""Passwords: the hash follows the configured parameters, and an old hash is made again at the
next sign-in."""
from argon2 import PasswordHasher

from association.db import connect


def test_an_old_hash_is_made_again_at_sign_in(app, volunteers):
    """A password hashed with other parameters is re-hashed with today's when its owner signs
    in, and still works afterwards."""
    account = volunteers.create("rehash")
    db = connect(app.config["DATABASE"])
    old = PasswordHasher(time_cost=2, memory_cost=128, parallelism=1).hash(account.password)
    db.table("volunteers").update(account.id, {"password_hash": old})
    assert volunteers.login(app.test_client(), account).status_code == 302
    new = db.table("volunteers").get(account.id)["password_hash"]
    assert new != old and "m=64,t=1,p=1" in new
    assert volunteers.login(app.test_client(), account).status_code == 302
    db.close()
