"""gzanalysis: study a Chinese government unit's budget disclosure (单位预算公开) in Python.

>>> import gzanalysis as gz
>>> gz.available()
['ganzhou-xzspj-2023']
>>> d = gz.load()
>>> d.meta["unit"]
'赣州市行政审批局'
"""

from gzanalysis.analyses import teaching
from gzanalysis.analyses.carryover import carryover, carryover_context, stated_carryover
from gzanalysis.analyses.changes import changes, headline_changes
from gzanalysis.analyses.compare import compare
from gzanalysis.analyses.composition import composition
from gzanalysis.analyses.glossary import glossary
from gzanalysis.analyses.labels import in_lang, label, term
from gzanalysis.analyses.subjects import NotInDisclosure, require
from gzanalysis.analyses.targets import targets, targets_summary
from gzanalysis.audit import audit
from gzanalysis.corpus.batch import HOWTO as CORPUS_HOWTO
from gzanalysis.corpus.batch import find_corpus
from gzanalysis.corpus.store import Corpus, corpus
from gzanalysis.package.language import language, set_language
from gzanalysis.package.load import DEFAULT_ID, Disclosure, available, load, load_many
from gzanalysis.package.readers import read_excel, read_parquet
from gzanalysis.package.validate import PackageError, PackageWarning

__all__ = [
    "CORPUS_HOWTO",
    "DEFAULT_ID",
    "Corpus",
    "Disclosure",
    "NotInDisclosure",
    "PackageError",
    "PackageWarning",
    "audit",
    "available",
    "carryover",
    "carryover_context",
    "stated_carryover",
    "changes",
    "headline_changes",
    "charts",
    "compare",
    "compare_charts",
    "composition",
    "explorers",
    "corpus",
    "find_corpus",
    "glossary",
    "in_lang",
    "label",
    "language",
    "load",
    "load_many",
    "notebook",
    "prose",
    "read_excel",
    "read_parquet",
    "require",
    "set_language",
    "targets",
    "targets_summary",
    "tables",
    "teaching",
    "term",
    "widgets",
]
__version__ = "0.1.0"


# gz.<name> → gzanalysis.views.<module>
_VIEWS = {
    "charts": "charts",
    "notebook": "notebook",
    "widgets": "widgets",
    "tables": "tables",
    "prose": "prose",
    "explorers": "static_explorers",
    "compare_charts": "compare",
}


def __getattr__(name: str):
    """``gz.charts``, ``gz.widgets``, ``gz.notebook``, ``gz.tables``, ``gz.explorers``, ``gz.compare_charts``
    import on first use: they bring altair and ipywidgets, which a script that only loads or audits data (or a
    cached report rebuild) need not wait for."""
    if name in _VIEWS:
        import importlib

        module = importlib.import_module(f"gzanalysis.views.{_VIEWS[name]}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'gzanalysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_VIEWS))
