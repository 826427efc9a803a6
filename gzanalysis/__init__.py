"""gzanalysis: study a Chinese government unit's budget disclosure (单位预算公开) in Python.

>>> import gzanalysis as gz
>>> gz.available()
['ganzhou-xzspj-2023']
>>> d = gz.load()
>>> d.meta["unit"]
'赣州市行政审批局'
"""

from gzanalysis import charts, notebook, teaching, widgets
from gzanalysis.audit import audit
from gzanalysis.carryover import carryover, carryover_context
from gzanalysis.changes import changes
from gzanalysis.composition import composition
from gzanalysis.formats import read_excel, read_parquet
from gzanalysis.load import DEFAULT_ID, Disclosure, available, load, load_many
from gzanalysis.targets import targets, targets_summary
from gzanalysis.validate import PackageError, PackageWarning

__all__ = [
    "DEFAULT_ID", "Disclosure", "PackageError", "PackageWarning", "audit", "available", "carryover",
    "carryover_context", "changes", "charts", "composition", "load", "load_many", "notebook", "read_excel", "read_parquet",
    "targets", "targets_summary", "teaching", "widgets",
]
__version__ = "0.1.0"
