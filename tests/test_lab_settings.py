"""`make lab LANG=...`: the JupyterLab settings it writes (the project's overrides and the display language)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "jupyterlab" / "settings.py"
TRANSLATION = "@jupyterlab/translation-extension:plugin"


@pytest.mark.parametrize(
    ("lang", "locale"),
    [("zh", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"), ("en", "en"), ("C.UTF-8", "en"), (None, "en")],
)
def test_lab_settings_choose_the_display_language(tmp_path, lang, locale):
    subprocess.run([sys.executable, str(TOOL), str(tmp_path), *([lang] if lang else [])], check=True)
    written = json.loads((tmp_path / "overrides.json").read_text(encoding="utf-8"))
    assert written[TRANSLATION] == {"locale": locale}
    project = json.loads((TOOL.parent / "overrides.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in written.items() if k != TRANSLATION} == project  # the news prompt stays off


def test_make_lab_passes_lang_to_the_settings():
    recipe = subprocess.run(
        ["make", "-n", "lab", "LANG=zh"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "tools/jupyterlab/settings.py .venv/share/jupyter/lab/settings zh" in recipe


def test_the_lab_extra_has_the_chinese_language_pack():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert any(r.lower().startswith("jupyterlab-language-pack-zh-cn") for r in extras["lab"])
