"""The report's two languages without a browser: page names, the language links, the default language
script and the glossary page."""

import re

import pytest

from gzanalysis.publish import languages


def test_page_names_and_editions(tmp_path):
    assert languages.page_name("00_start_here", "en") == "00_start_here.html"
    assert languages.page_name("00_start_here", "zh") == "00_start_here.zh.html"
    assert languages.lang_of(tmp_path / "zh" / "00_start_here.ipynb") == "zh"
    assert languages.lang_of(tmp_path / "00_start_here.ipynb") == "en"


def test_a_page_links_to_its_twin():
    en, zh = (
        languages.switch_link("02_growth_explanations", "en"),
        languages.switch_link("02_growth_explanations", "zh"),
    )
    assert 'href="02_growth_explanations.zh.html" hreflang="zh"' in en and ">中文</a>" in en
    assert 'href="02_growth_explanations.html" hreflang="en"' in zh and ">English</a>" in zh
    assert "localStorage.setItem('gz-lang','zh')" in en  # the reader's choice is kept for index.html


def test_the_default_language_script_needs_no_network():
    script = languages.default_language_script()
    assert "navigator.language" in script and "index.zh.html" in script
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|src=", script)


def test_every_word_of_the_site_exists_in_both_languages():
    for key, texts in languages.WORDS.items():
        assert set(texts) == set(languages.LANGS), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh"]), key


@pytest.mark.parametrize("lang", languages.LANGS)
def test_glossary_page(d, lang):
    page = languages.render_glossary(d, lang)
    assert f'<html lang="{lang}">' in page
    for row in d.table("glossary").itertuples():
        assert f'<td lang="zh">{row.term}</td>'.replace('"三公"', "&#34;三公&#34;") in page
    assert '<td lang="en">Fiscal appropriations</td>' in page
    assert '<td lang="en">Carry-over and balances from previous years</td>' in page
    other = languages.page_name("glossary", languages.OTHER[lang])
    assert f'class="gz-lang" href="{other}"' in page
    assert ("名词解释" if lang == "zh" else "Glossary") in page.split("<h1>")[1].split("</h1>")[0]
