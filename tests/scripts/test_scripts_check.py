"""`collector-desk scripts check` finds each kind of defect in deliberately broken samples, and
the app refuses a broken script, keeping the last good one."""

import shutil
import subprocess
import sys

import pytest

from collector_desk.config.resources import resource
from collector_desk.config.scripts import check_scripts, load_scripts

GOOD = """
id = "sample"
version = 1
languages = ["zh_CN", "en"]
title = { zh_CN = "样例", en = "Sample" }
start = "greet"

[objections]
cannot_pay_now = { next = "purpose" }
already_paid = { next = "purpose" }
not_my_debt = { end = { outcome = "dispute", flag = "dispute" } }
will_complain = { next = "purpose" }
hardship = { next = "purpose" }
stop_contacting = { end = { outcome = "refused_to_pay", flag = "cease_communication" } }
wrong_person = { end = { outcome = "wrong_number" } }

[[steps]]
id = "greet"
say = { zh_CN = "请问是{customer_name}吗？", en = "Is that {customer_name}?" }
[[steps.answers]]
label = { zh_CN = "是", en = "Yes" }
next = "purpose"
confirms_identity = true

[[steps]]
id = "purpose"
say = { zh_CN = "逾期{overdue}。", en = "{overdue} is overdue." }
disclose = true
[[steps.answers]]
label = { zh_CN = "会还", en = "Will pay" }
end = { outcome = "promise_to_pay" }
"""

BROKEN = {
    # name: (the change, the step named, the reason reported)
    "unknown_placeholder": (
        ("{overdue} is overdue.", "{overdoo} is overdue."),
        "purpose",
        "unknown_placeholder",
    ),
    "unreachable": ((None, None), "lonely", "unreachable"),  # a step added with no way in
    "dead_end": (
        (
            '[[steps.answers]]\nlabel = { zh_CN = "会还", en = "Will pay" }\n'
            'end = { outcome = "promise_to_pay" }',
            "",
        ),
        "purpose",
        "dead_end",
    ),
    "answer_points_nowhere": (
        ('next = "purpose"\nconfirms', 'next = "purpse"\nconfirms'),
        "greet",
        "answer_points_nowhere",
    ),
    "missing_translation": (
        (
            'say = { zh_CN = "逾期{overdue}。", en = "{overdue} is overdue." }',
            'say = { zh_CN = "逾期{overdue}。" }',
        ),
        "purpose",
        "missing_translation",
    ),
    "debt_before_identity": (
        ('en = "Is that {customer_name}?"', 'en = "Is that {customer_name}? You owe {balance}."'),
        "greet",
        "debt_before_identity",
    ),
    "objection_points_nowhere": (
        ('hardship = { next = "purpose" }', 'hardship = { next = "hardship" }'),
        "",
        "objection_points_nowhere",
    ),
    "objection_unhandled": (
        ('wrong_person = { end = { outcome = "wrong_number" } }\n', ""),
        "",
        "objection_unhandled",
    ),
    "disclosure_before_identity": (
        ("confirms_identity = true\n", ""),
        "purpose",
        "disclosure_before_identity",
    ),
    "unknown_outcome": (
        ('outcome = "promise_to_pay"', 'outcome = "paid_maybe"'),
        "purpose",
        "invalid",
    ),
    "not_toml": (('start = "greet"', "start = greet"), "", "unreadable"),
}


def _sample(name: str) -> str:
    (old, new), _, _ = BROKEN[name]
    if old is None:
        return (
            GOOD
            + '\n[[steps]]\nid = "lonely"\nsay = { zh_CN = "你好", en = "Hi" }\n'
            + ('end = { outcome = "right_party" }\n')
        )
    assert old in GOOD, name
    return GOOD.replace(old, new, 1)


@pytest.fixture
def engine_for_ui(qtbot, demo_cache, tmp_path, qapp):
    """A main window on a copy of the demo cache, with the scripts given."""
    from zoneinfo import ZoneInfo

    from collector_desk.demo import DEMO_COLLECTOR
    from collector_desk.store.cache.cache_file import open_cache
    from collector_desk.store.cache.queue import CaseQueue
    from collector_desk.store.shared.people import find_user
    from collector_desk.ui.common.i18n import Translations
    from collector_desk.ui.shell.main_window import MainWindow

    path = tmp_path / "cache.sqlite"
    shutil.copy(demo_cache, path)
    engine = open_cache(path)
    translations = Translations(qapp)
    translations.set_language("en")

    def make(loaded):
        user = find_user(engine, DEMO_COLLECTOR)
        queue = CaseQueue(engine, user.id, ZoneInfo("Asia/Shanghai"))
        window = MainWindow(queue, user, translations, scripts=loaded)
        qtbot.addWidget(window)
        return window

    yield make
    engine.dispose()


@pytest.fixture
def samples(tmp_path):
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    for name in BROKEN:
        (folder / f"{name}.toml").write_text(_sample(name), encoding="utf-8")
    return folder


def test_each_kind_of_defect_is_found_with_file_step_and_reason(samples):
    found = {path.stem: defects for path, defects in check_scripts(samples).items()}
    assert found["good"] == [] and found["library"] == []
    for name, (_, step, reason) in BROKEN.items():
        assert (step, reason) in {(d.step, d.reason) for d in found[name]}, (name, found[name])


def test_the_command_reports_them_and_fails(samples):
    result = subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", "scripts", "check", str(samples)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "dead_end.toml: step purpose: dead_end" in result.stdout
    assert "debt_before_identity.toml: step greet: debt_before_identity (balance)" in result.stdout
    assert "2 file(s) good, 11 with defects" in result.stderr  # the sample and the library

    shipped = subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", "scripts", "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shipped.returncode == 0, shipped.stdout
    assert "6 file(s) good, 0 with defects" in shipped.stdout


def test_a_broken_script_is_refused_and_its_last_good_version_kept(tmp_path):
    folder, keep = tmp_path / "scripts", tmp_path / "last-good"
    shutil.copytree(resource("scripts"), folder)
    first = load_scripts(keep, folder)
    assert len(first.scripts) == 5 and not first.problems
    early = folder / "early_reminder.toml"
    early.write_text(early.read_text(encoding="utf-8").replace("{dpd}", "{dpdd}"), "utf-8")

    second = load_scripts(keep, folder)
    assert second.fallbacks == ["early_reminder.toml"]
    assert [p.path.name for p in second.problems] == ["early_reminder.toml"]
    assert "unknown_placeholder" in str(second.problems[0])
    kept = next(s for s in second.scripts if s.id == "early_reminder")
    assert "{dpd}" in kept.steps["purpose"].say["zh_CN"]  # the last good words, not the bad
    assert "{dpdd}" not in (keep / "early_reminder.toml").read_text(encoding="utf-8")


def test_a_broken_library_falls_back_too_and_the_window_says_so(tmp_path, qtbot, engine_for_ui):
    folder, keep = tmp_path / "scripts", tmp_path / "last-good"
    shutil.copytree(resource("scripts"), folder)
    load_scripts(keep, folder)
    (folder / "library.toml").write_text("[disclosures\n", encoding="utf-8")
    loaded = load_scripts(keep, folder)
    assert loaded.fallbacks == ["library.toml"] and len(loaded.scripts) == 5
    shutil.rmtree(keep)
    nothing = load_scripts(keep, folder)
    assert nothing.scripts == [] and [p.path.name for p in nothing.problems] == ["library.toml"]

    window = engine_for_ui(loaded)
    shown = window.statusBar().currentMessage()
    assert "1 call script could not be read; its last good version" in shown
