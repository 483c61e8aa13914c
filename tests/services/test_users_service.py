"""Accounts, passwords and signing in."""

from __future__ import annotations

import pytest

from expo_desk.domain.enums import Role
from expo_desk.domain.passwords import hash_password, verify_password
from expo_desk.errors import UserError, ValidationError
from expo_desk.services import users as user_service
from expo_desk.store.queries import scalar


def test_passwords_are_stored_only_as_salted_scrypt_hashes(db, actor):
    user_service.create_user(db, actor, "wangwei", "王伟", Role.ACCOUNT_MANAGER, "s3cret-pass")
    user_service.create_user(db, actor, "lina", "李娜", Role.ACCOUNT_MANAGER, "s3cret-pass")
    hashes = [r[0] for r in db.execute("SELECT password_hash FROM users ORDER BY username").fetchall()]
    assert all(h.startswith("scrypt$16384$8$1$") for h in hashes)
    assert hashes[0] != hashes[1]  # same password, different salt
    assert scalar(db, "SELECT count(*) FROM audit_log WHERE new_values LIKE '%s3cret-pass%'") == 0
    assert verify_password("s3cret-pass", hash_password("s3cret-pass"))
    assert not verify_password("s3cret-pasS", hashes[0])


def test_sign_in_names_nothing_about_which_part_was_wrong(db, actor):
    user_service.create_user(db, actor, "wangwei", "王伟", Role.ACCOUNT_MANAGER, "s3cret-pass")
    with pytest.raises(UserError) as wrong_password:
        user_service.authenticate(db, "wangwei", "guess")
    with pytest.raises(UserError) as wrong_name:
        user_service.authenticate(db, "nobody", "guess")
    assert str(wrong_password.value) == str(wrong_name.value) == "用户名或密码不对 / wrong user name or password"
    signed_in = user_service.authenticate(db, " WangWei ", "s3cret-pass")
    assert (signed_in.name, signed_in.role) == ("王伟", Role.ACCOUNT_MANAGER)


def test_deactivated_and_passwordless_users_cannot_sign_in(db, actor):
    user_service.create_user(db, actor, "wangwei", "王伟", Role.ACCOUNT_MANAGER, "s3cret-pass")
    user_service.create_user(db, actor, "lina", "李娜", Role.ACCOUNT_MANAGER)
    with pytest.raises(UserError, match="no password yet"):
        user_service.authenticate(db, "lina", "")
    wang = user_service.authenticate(db, "wangwei", "s3cret-pass")
    user_service.update_user(db, actor, wang.user_id, active=False)
    with pytest.raises(UserError, match="deactivated"):
        user_service.authenticate(db, "wangwei", "s3cret-pass")


def test_new_users_are_checked_all_at_once(db, actor):
    with pytest.raises(ValidationError) as caught:
        user_service.create_user(db, actor, "a b", "", "boss", "short")
    assert {p.field for p in caught.value.problems} == {"username", "display_name", "role", "password"}
    user_service.create_user(db, actor, "wangwei", "王伟", Role.ACCOUNT_MANAGER)
    with pytest.raises(ValidationError, match="is taken"):
        user_service.create_user(db, actor, "WANGWEI", "另一个王伟", Role.ACCOUNT_MANAGER)


def test_sign_in_can_be_turned_on_only_with_an_administrator_who_can_sign_in(db, actor):
    assert not user_service.sign_in_required(db)
    with pytest.raises(UserError, match="first add an administrator"):
        user_service.set_sign_in_required(db, actor, True)
    user_service.create_user(db, actor, "admin", "管理员", Role.ADMINISTRATOR, "admin-pass-1")
    user_service.set_sign_in_required(db, actor, True)
    assert user_service.sign_in_required(db)
    admin = user_service.authenticate(db, "admin", "admin-pass-1")
    with pytest.raises(UserError, match="last administrator"):
        user_service.update_user(db, admin, admin.user_id, role=Role.DEPARTMENT_MANAGER)
    assert scalar(db, "SELECT count(*) FROM audit_log WHERE table_name = 'settings'") == 1


def test_people_have_a_phone_and_an_e_mail_for_the_documents(db, actor):
    from expo_desk.errors import ValidationError
    from expo_desk.store.queries import one

    uid = user_service.create_user(db, actor, "wang", "王经理", Role.ACCOUNT_MANAGER, phone="0633-1234567",
                                   email="wang@rz-expo.cn").inserted["users"][0]
    assert one(db, "SELECT phone, email FROM users WHERE id = ?", [uid]) == {"phone": "0633-1234567",
                                                                            "email": "wang@rz-expo.cn"}
    with pytest.raises(ValidationError, match="not an e-mail"):
        user_service.update_user(db, actor, uid, email="wang.rz-expo.cn")
    user_service.update_user(db, actor, uid, phone="13800000000")
    assert one(db, "SELECT phone, email FROM users WHERE id = ?", [uid])["phone"] == "13800000000"
