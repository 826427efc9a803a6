"""The disclosure's glossary (名词解释), each term with its English name."""

from __future__ import annotations

import pandas as pd

from gzanalysis.analyses.labels import GLOSSARY_PARTS, GLOSSARY_TERMS, check_lang
from gzanalysis.analyses.subjects import nothing_read


def glossary(d, lang: str = "zh") -> pd.DataFrame:
    """One row per term of the glossary: part, term (as published), its English name, the definition.

    The definitions stay as published (Chinese). ``lang="en"`` names the parts in English. A term the
    term with no English name in ``labels.GLOSSARY_TERMS`` (another disclosure's own terms) has ``term_en`` NA:
    a page never invents a translation, and one unknown term does not stop a report.

    >>> import gzanalysis as gz
    >>> gz.glossary(gz.load()).set_index("term").loc["财政拨款", "term_en"]
    'Fiscal appropriations'
    """
    check_lang(lang)
    g = d.table("glossary")
    if g.empty:  # a PDF's 名词解释 is not read into the package
        raise nothing_read(d, "glossary", "名词解释", lang)
    part = g["category"] if lang == "zh" else g["category"].map(lambda c: GLOSSARY_PARTS.get(c, c))
    return pd.DataFrame(
        {
            "part": part.astype("string"),
            "number": g["number"].astype("string"),
            "term": g["term"].astype("string"),
            "term_en": g["term"].map(GLOSSARY_TERMS).astype("string"),
            "definition": g["definition"].astype("string"),
            "source_line": g["source_line"],
        }
    )
