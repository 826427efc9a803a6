"""Write JupyterLab's settings overrides for ``make lab``: the project's (overrides.json) and the language.

    python tools/jupyterlab/settings.py FOLDER [LANG]     # LANG: zh (or a zh_* locale) → Lab in Chinese

Lab reads ``overrides.json`` from its settings folder (``share/jupyter/lab/settings`` of the environment).
``LANG`` starting with ``zh`` (``make lab LANG=zh``, or a shell whose locale is ``zh_CN.UTF-8``) chooses the
zh-CN language pack (``jupyterlab-language-pack-zh-CN``, in the ``lab`` extra); any other leaves Lab in
English.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRANSLATION = "@jupyterlab/translation-extension:plugin"  # Lab's setting of its display language
LOCALES = {"zh": "zh_CN", "en": "en"}


def lab_locale(lang: str | None) -> str:
    """The Lab locale of a ``LANG``: ``zh``, ``zh_CN.UTF-8`` → ``zh_CN``; anything else → ``en``."""
    return LOCALES["zh"] if (lang or "").lower().startswith("zh") else LOCALES["en"]


def overrides(lang: str | None = None) -> dict:
    """The project's overrides with the display language of ``lang``."""
    settings = json.loads((HERE / "overrides.json").read_text(encoding="utf-8"))
    return {**settings, TRANSLATION: {"locale": lab_locale(lang)}}


def write(folder: str | Path, lang: str | None = None) -> Path:
    path = Path(folder) / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(overrides(lang), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.splitlines()[2].strip())
    written = write(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
    print(
        f"JupyterLab settings: {written} (display language {lab_locale(sys.argv[-1] if len(sys.argv) == 3 else None)})"
    )
