"""Corpus: many disclosures ingested in one batch, and one Parquet dataset of their facts.

Stands on ``package`` (the packages it writes and loads), ``ingest`` (one reader per kind of source) and
``audit`` (each document's findings). Nothing above it is imported here; ``gz.compare`` (analyses) reads a
corpus only through the object ``gz.corpus`` returns.

- ``documents``: one source file in, one package out (the task a worker runs): ingest by suffix, write into a
  private temporary folder, load (validate), audit, then move into place with a rename.
- ``reader``: the reader process each document is read in, and its supervisor: the limits of time and
  memory, a reader that dies replaced.
- ``batch``: the batch: finds the sources, skips those already ingested, runs the tasks on local processes
  (``jobs``) or on a Dask cluster (``scheduler``), shows progress, keeps ``corpus.json`` up to date.
- ``store``: ``CORPUS/facts/`` (hive-partitioned Parquet by year and city) and ``disclosures.parquet``;
  ``Corpus`` opens them with DuckDB (``.sql``), pandas (``.facts(...)``, ``.disclosures``) and ``.load(id)``.
"""

from gzanalysis.corpus.batch import HOWTO, BatchResult, find_corpus, find_sources, ingest_corpus
from gzanalysis.corpus.documents import ingest_file
from gzanalysis.corpus.store import Corpus, corpus

__all__ = [
    "HOWTO",
    "BatchResult",
    "find_corpus",
    "Corpus",
    "corpus",
    "find_sources",
    "ingest_corpus",
    "ingest_file",
]
