"""PDF ingest speed: pages per second per core over the corpus PDFs, next to pdfplumber's extract_words alone
on the same files in the same run (target: ≥ 3 ×). Skipped without ../shared/corpus (or GZANALYSIS_CORPUS).

    python benchmarks/pdf_ingest.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.0


def corpus() -> list[Path]:
    """GZANALYSIS_CORPUS, else shared/corpus beside the checkout or beside a folder above it (a worktree)."""
    if os.environ.get("GZANALYSIS_CORPUS"):
        folder = Path(os.environ["GZANALYSIS_CORPUS"])
    else:
        found = (p / "shared" / "corpus" for p in ROOT.parents)
        folder = next((f for f in found if f.is_dir()), ROOT.parent / "shared" / "corpus")
    return sorted(folder.glob("*.pdf")) if folder.is_dir() else []


def measure() -> dict:
    """One process, one core: full ingest (read + map, no writing) against pdfplumber extract_words."""
    import pdfplumber

    from gzanalysis.ingest.pdf import ingest_pdf
    from gzanalysis.ingest.pdf.generalise import markdown, narrative_markdown, narrative_withheld, withheld

    pdfs = corpus()[: 1 if os.environ.get("GZANALYSIS_BENCH_TINY") else None]
    if not pdfs:
        return {"skipped": "no corpus"}
    start = time.process_time()
    pages = sum(ingest_pdf(p).reading.n_pages for p in pdfs)
    ours = time.process_time() - start
    start = time.process_time()
    plumber_pages = 0
    for p in pdfs:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_words()
                plumber_pages += 1
    theirs = time.process_time() - start
    ratio = (pages / ours) / (plumber_pages / theirs)
    rows = withheld(pdfs)  # how each reads with its own family withheld (not timed)
    return {
        "pdfs": len(pdfs),
        "pages": pages,
        "ingest_pages_per_s": pages / ours,
        "pdfplumber_extract_words_pages_per_s": plumber_pages / theirs,
        "ratio": ratio,
        "target": TARGET,
        "met": ratio >= TARGET,
        "withheld": markdown(rows),
        "withheld_right": sum(r.right_withheld for r in rows),
        # by city (not timed; one document, as at tiny sizes, is no measure of it)
        "narrative_withheld": narrative_markdown(narrative_withheld(pdfs)) if len(pdfs) > 1 else "",
    }


if __name__ == "__main__":
    r = measure()
    if "skipped" in r:
        print("PDF ingest: skipped (no corpus)")
    else:
        verdict = (
            "yes" if r["met"] else f"NO ({r['ratio']:.1f} × of {TARGET} ×, {TARGET / r['ratio']:.1f} × short)"
        )
        print(f"{'measure':<46}{'value':>12}")
        print(f"{'PDF ingest, pages/s per core':<46}{r['ingest_pages_per_s']:>12.1f}")
        print(
            f"{'pdfplumber extract_words, pages/s per core':<46}{r['pdfplumber_extract_words_pages_per_s']:>12.1f}"
        )
        print(f"{'ratio (target ≥ 3 ×)':<46}{r['ratio']:>12.1f}   met: {verdict}")
        print("\nWith each document's own template family withheld:\n" + r["withheld"])
        if r["narrative_withheld"]:
            print("\nThe narrative with each city's own phrasings withheld:\n" + r["narrative_withheld"])
