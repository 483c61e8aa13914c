"""``expo-desk --smoke-test``, run from the source tree: what the build runs on the frozen program."""

from __future__ import annotations

from tests.helpers import run_cli

STEPS = ("start", "modules", "database", "report", "translations", "window")


def test_smoke_test_passes_every_step_from_source(capsys, tmp_path):
    code, out, err = run_cli(capsys, "--smoke-test", "--data-dir", tmp_path)

    assert code == 0, err
    for step in STEPS:
        assert f"smoke: {step}: ok" in out
    assert "冒烟测试展" in out  # the Chinese show name went into the file
    assert "Chinese text read back" in out
    assert f"passed, {len(STEPS)} steps" in out
    assert list(tmp_path.glob("smoke-test-*/smoke-test-report.pdf"))


def test_a_broken_step_is_named_and_the_exit_code_is_1(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPO_DESK_SMOKE_PLATFORM", "no-such-platform")  # as if a Qt platform plugin were missing

    code, out, err = run_cli(capsys, "--smoke-test", "--data-dir", tmp_path)

    assert code == 1
    assert "smoke: report: ok" in out  # the steps before it ran
    assert "smoke: window: FAILED: the window ended with code" in err
    assert "no-such-platform" in err  # Qt's own message is passed on


def test_smoke_test_takes_no_command(capsys, tmp_path):
    code, _, err = run_cli(capsys, "--smoke-test", "check", tmp_path / "x.sqlite")

    assert code == 2
    assert "--smoke-test runs alone" in err
