"""Exhibitor and contact use cases on a real file: validation, duplicates, audit, search."""

from __future__ import annotations

import json

import pytest

from expo_desk.errors import UserError, ValidationError
from expo_desk.services import exhibitors as svc
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import records


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def add(db, actor, show, name: str, contacts=None, **values) -> str:
    changes = svc.create_exhibitor(db, actor, show["id"], {"company_name": name, **values}, contacts)
    return changes.inserted["exhibitors"][0]


# ---------------------------------------------------------------- create


def test_create_exhibitor_with_contacts(db, actor, show):
    changes = svc.create_exhibitor(db, actor, show["id"], {
        "company_name": " 日照钢铁控股集团有限公司 ", "company_name_en": "Rizhao Steel", "sector": "钢铁",
        "phone": "0633-8888888", "expected_value_fen": 10_000_000,
    }, [{"name": "王强", "is_primary": True}, {"name": "陈静", "email": "chen@example.com"}])
    [exhibitor_id] = changes.inserted["exhibitors"]
    assert len(changes.inserted["contacts"]) == 2
    detail = svc.exhibitor_detail(db, exhibitor_id)
    row = detail["exhibitor"]
    assert row["company_name"] == "日照钢铁控股集团有限公司"
    assert row["company_key"] == "日照钢铁控股集团有限公司"
    assert row["show_id"] == show["id"]
    assert row["created_at"] == row["updated_at"]
    assert [c["name"] for c in detail["contacts"]] == ["王强", "陈静"]  # primary first
    inserts = [(e["table_name"], e["action"]) for e in records.audit_entries(db) if e["table_name"] != "shows"]
    assert sorted(inserts) == [("contacts", "insert"), ("contacts", "insert"), ("exhibitors", "insert")]


@pytest.mark.parametrize("variant", ["日照钢铁 有限公司", "日照钢铁\u3000有限公司", " 日照钢铁有限公司 ",
                                     "日照钢铁有限公司"])
def test_duplicate_company_names_are_refused(db, actor, show, variant):
    add(db, actor, show, "日照钢铁有限公司")
    with pytest.raises(ValidationError) as caught:
        svc.create_exhibitor(db, actor, show["id"], {"company_name": variant})
    [problem] = caught.value.problems
    assert problem.field == "company_name"
    assert "already has this company: 日照钢铁有限公司" in problem.message
    assert count(db, "exhibitors") == 1


@pytest.mark.parametrize(("first", "second"), [("ABC Trading (Shanghai)", "ａｂｃ trading（shanghai）"),
                                               ("Rizhao Auto Parts", "RIZHAO  AUTO PARTS")])
def test_width_case_and_space_variants_are_the_same_company(db, actor, show, first, second):
    add(db, actor, show, first)
    with pytest.raises(ValidationError):
        add(db, actor, show, second)


def test_the_same_company_may_exhibit_at_another_show(db, actor, show):
    from expo_desk.services.shows import create_show

    other = create_show(db, actor, "RZ2027", "2027日照国际博览会")
    add(db, actor, show, "日照钢铁")
    add(db, actor, other, "日照钢铁")
    assert count(db, "exhibitors") == 2


def test_every_problem_is_reported_at_once_and_nothing_is_written(db, actor, show):
    add(db, actor, show, "日照钢铁")
    audit_before = len(records.audit_entries(db))
    with pytest.raises(ValidationError) as caught:
        svc.create_exhibitor(db, actor, show["id"], {
            "company_name": "日照 钢铁", "phone": "call me", "email": "nope", "expected_value_fen": -5,
            "account_manager_id": "no-such-user",
        }, [{"name": "王强"}, {"name": "", "email": "bad"}])
    places = sorted((p.where, p.field) for p in caught.value.problems)
    assert places == sorted([("", "company_name"), ("", "phone"), ("", "email"), ("", "expected_value_fen"),
                             ("", "account_manager_id"), ("contact 2", "name"), ("contact 2", "email")])
    assert "contact 2:name: 必须填写联系人姓名" in str(caught.value)
    assert count(db, "exhibitors") == 1 and count(db, "contacts") == 0
    assert len(records.audit_entries(db)) == audit_before


def test_account_manager_must_exist(db, actor, show):
    manager, added = find_or_add_account_manager(db, actor, "李娜")
    assert added
    exhibitor = add(db, actor, show, "日照钢铁", account_manager_id=manager["id"])
    assert svc.exhibitor_detail(db, exhibitor)["exhibitor"]["account_manager"] == "李娜"
    assert find_or_add_account_manager(db, actor, " 李娜 ") == (manager, False)


# ---------------------------------------------------------------- update


def test_update_changes_audits_and_stamps(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁")
    db.execute("UPDATE exhibitors SET updated_at = '2000-01-01T00:00:00+00:00' WHERE id = ?", [exhibitor])
    changes = svc.update_exhibitor(db, actor, exhibitor, {"company_name": "日照钢铁集团", "phone": "0633-1234567"})
    assert changes.updated == {"exhibitors": [exhibitor]}
    row = svc.exhibitor_detail(db, exhibitor)["exhibitor"]
    assert (row["company_name"], row["company_key"], row["phone"]) == ("日照钢铁集团", "日照钢铁集团", "0633-1234567")
    assert row["updated_at"] > "2000-01-01"
    entry = records.audit_entries(db, "exhibitors", exhibitor)[0]
    assert entry["action"] == "update" and entry["user_name"] == "tester"
    assert json.loads(entry["old_values"]) == {"company_name": "日照钢铁", "company_key": "日照钢铁", "phone": ""}
    assert json.loads(entry["new_values"])["company_name"] == "日照钢铁集团"


def test_update_without_a_change_writes_nothing(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁", sector="钢铁")
    before = svc.exhibitor_detail(db, exhibitor)["exhibitor"]["updated_at"]
    changes = svc.update_exhibitor(db, actor, exhibitor, {"sector": " 钢铁 "})
    assert not changes
    assert len(records.audit_entries(db, "exhibitors", exhibitor)) == 1
    assert svc.exhibitor_detail(db, exhibitor)["exhibitor"]["updated_at"] == before


def test_update_may_keep_its_own_name_in_another_spelling(db, actor, show):
    exhibitor = add(db, actor, show, "ABC Trading")
    svc.update_exhibitor(db, actor, exhibitor, {"company_name": "ABC  TRADING"})
    assert svc.exhibitor_detail(db, exhibitor)["exhibitor"]["company_name"] == "ABC  TRADING"


def test_update_refuses_another_companys_name_and_bad_values(db, actor, show):
    add(db, actor, show, "日照钢铁")
    other = add(db, actor, show, "山东渔业")
    with pytest.raises(ValidationError) as caught:
        svc.update_exhibitor(db, actor, other, {"company_name": "日照　钢铁", "email": "x"})
    assert {p.field for p in caught.value.problems} == {"company_name", "email"}
    with pytest.raises(ValidationError):
        svc.update_exhibitor(db, actor, other, {"company_name": "  "})
    assert svc.exhibitor_detail(db, other)["exhibitor"]["company_name"] == "山东渔业"


def test_update_of_a_deleted_exhibitor(db, actor):
    with pytest.raises(UserError, match="no longer exists"):
        svc.update_exhibitor(db, actor, "gone", {"phone": "0633-1234567"})


# ---------------------------------------------------------------- delete


def test_delete_removes_contacts_and_audits_each(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁", [{"name": "王强"}, {"name": "陈静"}])
    changes = svc.delete_exhibitor(db, actor, exhibitor)
    assert changes.deleted["exhibitors"] == [exhibitor] and len(changes.deleted["contacts"]) == 2
    assert count(db, "exhibitors") == 0 and count(db, "contacts") == 0
    deletes = [e for e in records.audit_entries(db) if e["action"] == "delete"]
    assert sorted(e["table_name"] for e in deletes) == ["contacts", "contacts", "exhibitors"]
    with pytest.raises(UserError, match="no longer exists"):
        svc.delete_exhibitor(db, actor, exhibitor)


def test_delete_keeps_leads_and_audits_the_unlinking(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁")
    lead = records.insert(db, actor, "leads", {"show_id": show["id"], "exhibitor_id": exhibitor,
                                               "prospect_name": "日照钢铁", "created_at": records.utc_now()})
    changes = svc.delete_exhibitor(db, actor, exhibitor)
    assert changes.updated == {"leads": [lead["id"]]}
    assert records.get_row(db, "leads", lead["id"])["exhibitor_id"] is None
    entry = records.audit_entries(db, "leads", lead["id"])[0]
    assert entry["action"] == "update" and json.loads(entry["new_values"]) == {"exhibitor_id": None}


def test_delete_is_refused_while_a_contract_exists(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁", [{"name": "王强"}])
    records.insert(db, actor, "contracts", {"show_id": show["id"], "exhibitor_id": exhibitor,
                                            "number": "2026-0043", "created_at": records.utc_now()})
    audit_before = len(records.audit_entries(db))
    with pytest.raises(UserError, match="2026-0043") as caught:
        svc.delete_exhibitor(db, actor, exhibitor)
    assert "cancel them first" in str(caught.value)
    assert count(db, "exhibitors") == 1 and count(db, "contacts") == 1
    assert len(records.audit_entries(db)) == audit_before


# ---------------------------------------------------------------- contacts


def test_contact_add_update_delete(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁")
    contact = svc.add_contact(db, actor, exhibitor, {"name": "王强", "phone": "13800000001"}).inserted["contacts"][0]
    assert svc.update_contact(db, actor, contact, {"title": "经理"}).updated == {"contacts": [contact]}
    assert not svc.update_contact(db, actor, contact, {"title": "经理"})
    with pytest.raises(ValidationError):
        svc.update_contact(db, actor, contact, {"name": ""})
    with pytest.raises(ValidationError):
        svc.add_contact(db, actor, exhibitor, {"name": "", "phone": "x"})
    assert [c["title"] for c in svc.exhibitor_detail(db, exhibitor)["contacts"]] == ["经理"]
    assert svc.delete_contact(db, actor, contact).deleted == {"contacts": [contact]}
    actions = [e["action"] for e in records.audit_entries(db, "contacts", contact)]
    assert actions == ["delete", "update", "insert"]
    with pytest.raises(UserError):
        svc.delete_contact(db, actor, contact)
    with pytest.raises(UserError):
        svc.update_contact(db, actor, contact, {"title": "x"})
    with pytest.raises(UserError):
        svc.add_contact(db, actor, "gone", {"name": "王强"})


def test_exhibitor_detail_history_includes_contacts(db, actor, show):
    exhibitor = add(db, actor, show, "日照钢铁", [{"name": "王强"}])
    detail = svc.exhibitor_detail(db, exhibitor)
    assert {e["table_name"] for e in detail["history"]} == {"exhibitors", "contacts"}
    assert svc.exhibitor_detail(db, "gone") is None


# ---------------------------------------------------------------- search


@pytest.fixture
def many(db, actor, show):
    manager, _ = find_or_add_account_manager(db, actor, "李娜")
    add(db, actor, show, "日照钢铁控股集团有限公司", [{"name": "王强", "phone": "13800000001"}],
        company_name_en="Rizhao Steel Holding", sector="钢铁", expected_value_fen=5_000_000,
        account_manager_id=manager["id"])
    add(db, actor, show, "山东海洋渔业有限公司", [{"name": "陈静"}], company_name_en="Shandong Ocean Fishery",
        sector="渔业", phone="0633-2222222", expected_value_fen=1_000_000)
    add(db, actor, show, "青岛汽车配件厂", company_name_en="Qingdao Auto Parts", sector="汽车",
        expected_value_fen=9_000_000)
    add(db, actor, show, "100%纯净食品公司", company_name_en="Pure_Food Ltd", sector="食品")
    add(db, actor, show, "1000纯净水公司", company_name_en="PureXFood Water", sector="食品")
    return show


def names(found):
    return [e["company_name"] for e in found]


def test_search_chinese_substring(db, many):
    assert names(svc.search_exhibitors(db, many["id"], "渔业")) == ["山东海洋渔业有限公司"]
    assert names(svc.search_exhibitors(db, many["id"], "有限公司")) == ["山东海洋渔业有限公司", "日照钢铁控股集团有限公司"]


def test_search_english_ignores_case(db, many):
    assert names(svc.search_exhibitors(db, many["id"], "rizhao STEEL")) == ["日照钢铁控股集团有限公司"]
    assert names(svc.search_exhibitors(db, many["id"], "auto")) == ["青岛汽车配件厂"]


def test_search_contact_name_phone_and_manager(db, many):
    assert names(svc.search_exhibitors(db, many["id"], "陈静")) == ["山东海洋渔业有限公司"]
    assert names(svc.search_exhibitors(db, many["id"], "13800000001")) == ["日照钢铁控股集团有限公司"]
    assert names(svc.search_exhibitors(db, many["id"], "0633-2222")) == ["山东海洋渔业有限公司"]
    assert names(svc.search_exhibitors(db, many["id"], "李娜")) == ["日照钢铁控股集团有限公司"]


def test_search_words_must_all_match(db, many):
    assert names(svc.search_exhibitors(db, many["id"], "有限公司 渔业")) == ["山东海洋渔业有限公司"]
    assert names(svc.search_exhibitors(db, many["id"], "有限公司  汽车")) == []
    assert len(svc.search_exhibitors(db, many["id"], "   ")) == 5


def test_percent_and_underscore_are_taken_literally(db, many):
    assert names(svc.search_exhibitors(db, many["id"], "100%")) == ["100%纯净食品公司"]
    assert names(svc.search_exhibitors(db, many["id"], "%")) == ["100%纯净食品公司"]
    assert names(svc.search_exhibitors(db, many["id"], "pure_food")) == ["100%纯净食品公司"]
    assert names(svc.search_exhibitors(db, many["id"], "_")) == ["100%纯净食品公司"]
    assert names(svc.search_exhibitors(db, many["id"], "\\")) == []


def test_search_sorts_both_ways(db, many):
    values = [e["expected_value_fen"] for e in svc.search_exhibitors(db, many["id"], sort="expected_value_fen",
                                                                     descending=True)]
    assert values[:3] == [9_000_000, 5_000_000, 1_000_000]
    english = [e["company_name_en"] for e in svc.search_exhibitors(db, many["id"], sort="company_name_en")]
    assert english == sorted(english, key=str.casefold)
    descending = [e["company_name_en"] for e in svc.search_exhibitors(db, many["id"], sort="company_name_en",
                                                                      descending=True)]
    assert descending == english[::-1]
    # An unknown sort key falls back to the company name, never into the SQL.
    assert names(svc.search_exhibitors(db, many["id"], sort="x; DROP TABLE exhibitors")) == names(
        svc.search_exhibitors(db, many["id"]))


def test_search_pages_and_counts(db, many):
    everything = names(svc.search_exhibitors(db, many["id"]))
    assert len(everything) == 5 == svc.count_exhibitors(db, many["id"])
    assert names(svc.search_exhibitors(db, many["id"], limit=2)) == everything[:2]
    assert names(svc.search_exhibitors(db, many["id"], limit=2, offset=2)) == everything[2:4]
    assert names(svc.search_exhibitors(db, many["id"], limit=2, offset=4)) == everything[4:]
    assert svc.count_exhibitors(db, many["id"], "食品") == 2
    assert svc.count_exhibitors(db, many["id"], "李娜") == 1
    assert svc.count_exhibitors(db, many["id"], "nothing-like-this") == 0


def test_search_stays_inside_its_show(db, actor, many):
    from expo_desk.services.shows import create_show

    other = create_show(db, actor, "QD2026", "青岛展")
    add(db, actor, other, "日照钢铁控股集团有限公司")
    assert svc.count_exhibitors(db, many["id"], "钢铁") == 1
    assert svc.count_exhibitors(db, other["id"]) == 1


# ---------------------------------------------------------------- undoing a deletion


def test_a_deleted_exhibitor_comes_back_whole_with_the_same_ids(db, actor, show):
    from expo_desk.store.queries import rows as query

    changes = svc.create_exhibitor(db, actor, show["id"], {"company_name": "日照港集团有限公司", "sector": "物流"},
                                   [{"name": "孙丽", "phone": "13900000000"}, {"name": "周强"}])
    exhibitor_id = changes.inserted["exhibitors"][0]
    before = svc.exhibitor_detail(db, exhibitor_id)
    snapshot = svc.exhibitor_snapshot(db, exhibitor_id)
    svc.delete_exhibitor(db, actor, exhibitor_id)
    assert svc.exhibitor_detail(db, exhibitor_id) is None

    restored = svc.restore_exhibitor(db, actor, snapshot)
    assert restored.inserted["exhibitors"] == [exhibitor_id]
    after = svc.exhibitor_detail(db, exhibitor_id)
    assert after["exhibitor"]["company_name"] == "日照港集团有限公司"
    assert [c["id"] for c in after["contacts"]] == [c["id"] for c in before["contacts"]]
    assert [e["id"] for e in svc.search_exhibitors(db, show["id"], "孙丽")] == [exhibitor_id]
    actions = [r["action"] for r in query(db, "SELECT action FROM audit_log WHERE row_id = ? ORDER BY rowid",
                                          [exhibitor_id])]
    assert actions == ["insert", "delete", "insert"]


def test_restoring_is_refused_when_the_name_was_taken_meanwhile(db, actor, show):
    changes = svc.create_exhibitor(db, actor, show["id"], {"company_name": "日照港集团有限公司"})
    exhibitor_id = changes.inserted["exhibitors"][0]
    snapshot = svc.exhibitor_snapshot(db, exhibitor_id)
    svc.delete_exhibitor(db, actor, exhibitor_id)
    svc.create_exhibitor(db, actor, show["id"], {"company_name": "日照港集团 有限公司"})
    with pytest.raises(ValidationError, match="already has this company"):
        svc.restore_exhibitor(db, actor, snapshot)
    assert svc.count_exhibitors(db, show["id"]) == 1


def test_a_search_can_keep_one_account_managers_exhibitors(db, sales):
    from expo_desk.services.exhibitors import search_exhibitors

    show = sales["show"]["id"]
    mine = search_exhibitors(db, show, "有限公司", manager_id=sales["am1"].user_id)
    assert [r["company_name"] for r in mine] == ["日照钢铁集团有限公司"]
    assert len(search_exhibitors(db, show, "", manager_id=sales["am2"].user_id)) == 1
    assert len(search_exhibitors(db, show, "有限公司")) == 2


def test_deleting_an_exhibitor_takes_its_post_show_notes_and_undo_brings_them_back(db, actor, show):
    from expo_desk.services import post_show

    exhibitor = svc.create_exhibitor(db, actor, show["id"], {"company_name": "黄海渔业有限公司"}).inserted["exhibitors"][0]
    post_show.set_outcomes(db, actor, exhibitor, {"brand_image": "央视报道 / national TV coverage"})
    snapshot = svc.exhibitor_snapshot(db, exhibitor)
    changes = svc.delete_exhibitor(db, actor, exhibitor)
    assert changes.deleted["post_show_outcomes"] == [exhibitor]
    assert db.execute("SELECT count(*) FROM audit_log WHERE table_name = 'post_show_outcomes' AND action = 'delete'"
                      ).fetchone()[0] == 1
    svc.restore_exhibitor(db, actor, snapshot)
    assert post_show.outcomes(db, exhibitor)["brand_image"] == "央视报道 / national TV coverage"
