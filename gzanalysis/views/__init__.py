"""What a reader sees: charts, widget explorers and the offline chart renderer.

- ``charts``: analysis results → ``altair.Chart`` (never displayed here; test with ``chart.to_dict()``);
- ``widgets``: ipywidgets explorers over the analyses, for a live kernel (JupyterLab);
- ``notebook``: ``setup()``, which makes altair draw offline with the JavaScript ``vl-convert`` ships.

Stands on ``analyses`` (and the ``package`` below it).
"""
