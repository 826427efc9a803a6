"""The language of the package's own words to a reader: messages (``gz.require``, ``NotInDisclosure``) and a
disclosure's summary (``repr(d)``, ``d.describe()``).

English unless set: ``gz.notebook.setup()`` sets it from the notebook's ``LANG`` (the parameters cell runs
before it), so both editions speak their own language without passing it to every call;
``gz.set_language("zh")`` sets it anywhere else. A call that takes ``lang=`` speaks that language.

>>> set_language("zh")
'zh'
>>> say("has no narrative", "没有预算情况说明")
'没有预算情况说明'
>>> say("has no narrative", "没有预算情况说明", lang="en")
'has no narrative'
>>> set_language("en")
'en'
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")
_current = ["en"]  # one process, one reader: the kernel of one notebook edition


def language() -> str:
    """The language messages are written in now: ``"en"`` or ``"zh"``."""
    return _current[0]


def set_language(lang: str) -> str:
    """Write later messages in ``lang`` (``"en"`` or ``"zh"``); returns it."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    _current[0] = lang
    return lang


def say(en: str, zh: str, lang: str | None = None) -> str:
    """The English or the Chinese of one message: in ``lang``, else in the language set (``language()``)."""
    chosen = lang or language()
    return zh if chosen == "zh" else en
