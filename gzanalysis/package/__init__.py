"""The ground floor: the standard data package of a disclosure, and loading it into pandas.

In: a package folder (``datapackage.json`` + one CSV per table, as ``ingest`` writes and ``data/`` ships),
a Parquet folder or an Excel workbook. Out: a checked ``Disclosure`` (wide tables as published, long
``facts``), or a clear ``PackageError``.

- ``layout.toml`` / ``layout``: every standard table and field, defined once;
- ``codes``: 类/款/项 levels and parents of function codes; ``validate``: the checks a package must pass;
- ``datapackage``: ``datapackage.json`` generated from the layout and a disclosure's ``disclosure.toml``;
- ``load``: ``Disclosure``, ``available``, ``load``, ``load_many``;
- ``writers`` / ``readers``: the round trips (CSV package, Parquet, Excel).

Nothing here imports another part of gzanalysis: every other stage stands on this one.
"""
