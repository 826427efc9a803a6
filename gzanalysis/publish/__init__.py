"""Publishing: executed notebooks → an offline report site; charts → static images.

- ``report``: runs the curated notebooks and renders each as a page (``templates/``), with the shared
  JavaScript copied once, so the site opens offline from ``file://``;
- ``figures``: every chart of the gallery as PNG/SVG/PDF, in Chinese and English;
- ``notebooks``: where the curated notebooks are, and copying them out for a user.

Stands on everything below it.
"""
