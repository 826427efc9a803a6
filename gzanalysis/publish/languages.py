"""The report in two languages: one site, every page in English and in Chinese.

- the English edition's pages are ``NAME.html``, the Chinese edition's ``NAME.zh.html`` (one folder: the
  pages share ``assets/``, ``thumbs/`` and ``downloads/`` by the same relative links);
- every page links to the same page in the other language; ``index.html`` follows the browser's language
  (``navigator.language``) unless the reader chose one with a language link (kept in ``localStorage``);
- the words of the site around the notebooks (navigation, headings of the index) come from ``WORDS``.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files
from pathlib import Path

LANGS = ("en", "zh")
OTHER = {"en": "zh", "zh": "en"}
NAMES = {"en": "English", "zh": "中文"}  # a language's name, written in that language
STORAGE_KEY = "gz-lang"

# The site's own words: key → {lang: text}.
WORDS: dict[str, dict[str, str]] = {
    "home": {"en": "Home", "zh": "首页"},
    "pages": {"en": "Pages", "zh": "页面"},
    "on_this_page": {"en": "On this page", "zh": "本页内容"},
    "skip": {"en": "Skip to content", "zh": "跳到正文"},
    "show_code": {"en": "Show code", "zh": "显示代码"},
    "show_output": {"en": "Show output", "zh": "显示输出"},
    "report": {"en": "gzanalysis report", "zh": "gzanalysis 报告"},
    "notebook": {"en": "Notebook (.ipynb)", "zh": "笔记本 (.ipynb)"},
    "key_figures": {"en": "Key figures", "zh": "主要数据"},
    "data": {"en": "Data", "zh": "数据下载"},
    "notebooks_linked": {
        "en": "Notebooks (.ipynb): linked from each page, and from its card above.",
        "zh": "笔记本（.ipynb）：见各页面顶部及上方各页面卡片中的链接。",
    },
    "built": {
        "en": "Built {built} from the data package of {title}. Every number is traced to its line in the "
        "published text; every page opens offline, its charts and explorers work without a kernel.",
        "zh": "本报告于{built}根据{title}的数据包生成。每个数字都能追溯到公开原文中的行；每个页面都可离线打开，"
        "图表和交互探索无需运行内核。",
    },
    "glossary": {"en": "Glossary", "zh": "名词解释"},
    "glossary_intro": {
        "en": "The terms the disclosure explains in its glossary (名词解释, lines {first}–{last} of the source), "
        "with their English names. The definitions are quoted as published.",
        "zh": "公开文件在“名词解释”部分（原文第{first}–{last}行）解释的名词，附英文名称。释义照录原文。",
    },
    "term": {"en": "Term", "zh": "名词"},
    "term_en": {"en": "English", "zh": "英文名称"},
    "definition": {"en": "Definition (as published)", "zh": "释义（原文）"},
    "line": {"en": "Line", "zh": "原文行"},
    "previous_next": {"en": "Previous and next page", "zh": "上一页和下一页"},
}


@cache
def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    folder = str(files("gzanalysis.publish").joinpath("templates"))
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(["html", "j2"]))


def word(key: str, lang: str, **fields) -> str:
    return WORDS[key][lang].format(**fields) if fields else WORDS[key][lang]


def words(lang: str) -> dict[str, str]:
    """Every word of the site in ``lang`` (for the templates)."""
    return {key: texts[lang] for key, texts in WORDS.items()}


def page_name(stem: str, lang: str) -> str:
    """The file of a page in a language: ``00_start_here.html`` and ``00_start_here.zh.html``."""
    return f"{stem}.html" if lang == "en" else f"{stem}.{lang}.html"


def lang_of(path: Path) -> str:
    """The edition a notebook belongs to: the Chinese twins sit in a folder named ``zh``."""
    return "zh" if Path(path).parent.name == "zh" else "en"


def switch_link(stem: str, lang: str) -> str:
    """The link to the same page in the other language; choosing it is remembered for index.html."""
    other = OTHER[lang]
    return (
        f'<a class="gz-lang" href="{html.escape(page_name(stem, other))}" hreflang="{other}" lang="{other}" '
        f"onclick=\"try{{localStorage.setItem('{STORAGE_KEY}','{other}')}}catch(e){{}}\">{NAMES[other]}</a>"
    )


def default_language_script() -> str:
    """For index.html only: a Chinese-reading browser (or a reader who chose Chinese) goes to index.zh.html.

    No network: it reads ``navigator.languages`` and the choice saved by a language link.
    """
    return (
        "<script>(function(){var s=null;try{s=localStorage.getItem('" + STORAGE_KEY + "')}catch(e){}"
        "var l=s||((navigator.languages&&navigator.languages[0])||navigator.language||'en');"
        "if(/^zh/i.test(l)&&location.search.indexOf('lang=en')<0){location.replace('index.zh.html')}})();"
        "</script>"
    )


def render_glossary(d, lang: str, home: str | None = None, sidebar: str | None = None) -> str:
    """The glossary page (名词解释) of ``d`` in ``lang``: each term with its English name, the definition
    as published and its line; it links to the same page in the other language. ``sidebar``: the site's
    list of pages (``site.sidebar``); without it, links to the index and to this page."""
    from gzanalysis.analyses.glossary import glossary
    from gzanalysis.analyses.subjects import NotInDisclosure

    try:
        g = glossary(d, lang)
    except NotInDisclosure as exc:  # a package without a glossary: the page says so in its one sentence
        g, missing = None, str(exc)
    else:
        g["term_en"] = g["term_en"].fillna("")  # a term of another disclosure with no English name yet: blank
        missing = None
    parts = (
        []
        if g is None
        else [(part, block.to_dict("records")) for part, block in g.groupby("part", sort=False)]
    )
    lines = d.table("glossary")
    home = home or page_name("index", lang)
    if sidebar is None:
        sidebar = (
            f'<li><a href="{home}">{word("home", lang)}</a></li><li><a href="{page_name("glossary", lang)}"'
            f' aria-current="page">{word("glossary", lang)}</a></li>'
        )
    return (
        _templates()
        .get_template("glossary.html.j2")
        .render(
            lang=lang,
            other=OTHER[lang],
            other_page=page_name("glossary", OTHER[lang]),
            home=home,
            switch=switch_link("glossary", lang),
            words=words(lang),
            sidebar=sidebar,
            intro=missing
            or word(
                "glossary_intro",
                lang,
                first=int(lines["source_line"].min()),
                last=int(lines["end_line"].max()),
            ),
            meta=d.meta,
            parts=parts,
        )
    )
