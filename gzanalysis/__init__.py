"""gzanalysis: study a Chinese government unit's budget disclosure (单位预算公开) in Python.

>>> import gzanalysis as gz
>>> gz.available()
['ganzhou-xzspj-2023']
>>> d = gz.load()
>>> d.meta["unit"]
'赣州市行政审批局'
"""

from gzanalysis.audit import audit
from gzanalysis.load import DEFAULT_ID, Disclosure, available, load, load_many

__all__ = ["DEFAULT_ID", "Disclosure", "audit", "available", "load", "load_many"]
__version__ = "0.1.0"
