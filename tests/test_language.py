"""The package speaks the notebook's language: gz.require / NotInDisclosure, repr(d) and d.describe() in
Chinese in the Chinese edition (gz.notebook.setup() reads the parameters cell's LANG), English otherwise."""

from __future__ import annotations

import dataclasses
import re
import types
from pathlib import Path

import pytest

import gzanalysis as gz
from gzanalysis.package import layout
from gzanalysis.package.language import set_language

# English words of the messages and summaries that a Chinese reader saw
ENGLISH = re.compile(r"\b(has|no|in|its|data|package|notebook|nothing|show|tables|lists|them|prints)\b")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    set_language("en")


def _without(d, resource: str):
    """A copy of ``d`` whose ``resource`` table has no rows."""
    tables = dict(d.tables)
    tables[layout.resource(resource).title] = d.table(resource).iloc[0:0]
    return dataclasses.replace(d, tables=tables)


def _chinese_only(text: str, d) -> bool:
    """No English word in ``text`` once the disclosure's own title and the code names are taken out."""
    return not ENGLISH.search(text.replace(d.meta["title"], "").replace("gz.", ""))


def test_require_says_in_the_language_set(d):
    bare = _without(d, "narrative_changes")
    with pytest.raises(gz.NotInDisclosure) as english:
        gz.require(bare, "narrative")
    assert "has no narrative" in str(english.value)
    gz.set_language("zh")
    with pytest.raises(gz.NotInDisclosure) as chinese:
        gz.require(bare, "narrative")
    message = str(chinese.value)
    assert "预算情况说明" in message and message.endswith("。") and _chinese_only(message, d), message
    with pytest.raises(gz.NotInDisclosure, match="has no narrative"):
        gz.require(bare, "narrative", lang="en")  # a call's own lang wins


def test_analyses_refuse_in_the_language_of_the_call(d):
    bare = _without(d, "expenditure_by_function")
    with pytest.raises(gz.NotInDisclosure) as chinese:
        gz.composition(bare, by="function", lang="zh")
    assert _chinese_only(str(chinese.value), d) and str(chinese.value).endswith("。"), chinese.value
    with pytest.raises(gz.NotInDisclosure, match="so there is no breakdown to show"):
        gz.composition(bare, by="function", lang="en")


def test_a_disclosure_sums_itself_up_in_the_language_set(d):
    assert repr(d).startswith("<Disclosure ") and "tables" in repr(d)
    assert list(d.describe().columns) == ["table", "name", "title_en", "rows", "columns"]
    gz.set_language("zh")
    assert _chinese_only(repr(d), d) and "张表" in repr(d), repr(d)
    described = d.describe()
    assert list(described.columns) == ["表", "英文名（属性）", "行数", "列数"]
    assert described["行数"].sum() == sum(len(t) for t in d.tables.values())


def test_setup_takes_the_language_from_the_parameters_cell(monkeypatch):
    import IPython

    from gzanalysis.views import notebook

    shell = types.SimpleNamespace(user_ns={"LANG": "zh"})
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setattr(notebook, "install_lab_asset", lambda: Path("bundle.js"))  # not the point here
    monkeypatch.setattr(notebook, "loader_snippet", lambda name: "")
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    notebook.setup()
    assert gz.language() == "zh"
    shell.user_ns["LANG"] = "en"
    notebook.setup()
    assert gz.language() == "en"
    notebook.setup(lang="zh")  # an explicit language wins
    assert gz.language() == "zh"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of"):
        gz.set_language("fr")
