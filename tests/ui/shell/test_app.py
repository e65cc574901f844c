from pathlib import Path

import pytest

from collector_desk.demo.portfolio import DemoOptions
from collector_desk.ui.shell import app as app_module
from collector_desk.ui.shell import demo_desks


def test_a_failed_seed_is_reported_not_raised(qapp, tmp_path, monkeypatch, capsys):
    def broken_build(path: Path, options: DemoOptions, progress=None):
        raise OSError("disk full")

    from collector_desk.demo import portfolio

    monkeypatch.setattr(portfolio, "build_demo_portfolio", broken_build)
    launch = demo_desks.DemoLaunch(
        data_dir=tmp_path, cases=10, seed=1, language="en", screenshot=tmp_path / "shot.png"
    )
    assert app_module.run_demo(launch) == 2
    err = capsys.readouterr().err
    assert "Could not create the demo portfolio" in err and "disk full" in err
    assert not (tmp_path / "shot.png").exists()
    assert not (tmp_path / demo_desks.DEMO_CACHE_NAME).exists()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_progress_dialog_seeds_on_a_worker_thread(qtbot, translations, tmp_path, lang):
    translations.set_language(lang)
    path = tmp_path / "c.sqlite"
    failed = []
    op = demo_desks.seed_with_progress(
        path, DemoOptions(cases=30, seed=1, chunk=10), done=lambda: None, failed=failed.append
    )
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert path.exists()
