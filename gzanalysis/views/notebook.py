"""Charts that render offline in JupyterLab: one explicit call in a notebook's imports cell.

    import gzanalysis as gz
    gz.notebook.setup()

altair's default output fetches vega, vega-lite and vega-embed from a CDN; with no network (or a reader
offline) the chart shows an error. ``setup()`` puts the JavaScript that ``vl-convert-python`` ships on the
page once, and tells altair's output to use it. Nothing happens at import time.
"""

from __future__ import annotations

import json
import os
import uuid
from functools import cache

BUNDLE_MARK = "gzanalysis-vega-bundle"  # metadata key of the bundle's output: the report builder drops it
# Set by the report builder: its pages load the bundle from assets/, so the notebook need not embed it.
REPORT_BUILD_ENV = "GZANALYSIS_REPORT_BUILD"


@cache
def vega_bundle() -> str:
    """vega + vega-lite + vega-embed as one script that defines ``window.vegaEmbed`` (about 0.9 MB)."""
    import altair as alt
    import vl_convert as vlc

    minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    return vlc.javascript_bundle(vl_version=minor)


def versions_snippet() -> str:
    """JavaScript that makes altair's HTML output use the page's bundle instead of the CDN."""
    import json

    import altair as alt

    versions = {
        "vega_version": alt.VEGA_VERSION,
        "vegalite_version": alt.VEGALITE_VERSION,
        "vegaembed_version": alt.VEGAEMBED_VERSION,
    }
    return (
        f"window.VEGA_DEBUG = Object.assign(window.VEGA_DEBUG || {{}}, {json.dumps(versions)});\n"
        # Where require.js is on the page (classic notebook, widget HTML), altair asks it for vega-embed.
        "if (typeof define === 'function' && define.amd && !(window.require && window.require.defined && "
        "window.require.defined('vega-embed'))) { define('vega-embed', [], () => window.vegaEmbed); }\n"
    )


def _safe_json(spec: dict) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the data's strings hold."""
    return (
        json.dumps(spec, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def render(spec: dict, **embed_options) -> dict:
    """altair renderer: a chart drawn by the page's own ``window.vegaEmbed`` (no CDN, no require.js).

    The spec is embedded as escaped JSON, so data strings such as ``</script>`` stay text.
    """
    div = f"gz-vega-{uuid.uuid4().hex}"
    options = _safe_json(
        {
            "mode": "vega-lite",
            "actions": {"export": True, "source": False, "compiled": False, "editor": False},
            **embed_options,
        }
    )
    script = (
        f'(function(){{var el=document.getElementById("{div}");'
        f"var draw=function(){{window.vegaEmbed(el,{_safe_json(spec)},{options})"
        '.catch(function(e){el.textContent="Chart error: "+e.message;});};'
        'if(window.vegaEmbed){draw();}else{window.addEventListener("load",draw);}})();'
    )
    html = f'<div id="{div}" class="gz-chart"></div><script type="text/javascript">{script}</script>'
    return {
        "text/html": html,
        "text/plain": "<altair chart: run the notebook with gz.notebook.setup() to draw it>",
    }


def setup() -> None:
    """Render every altair chart of this notebook offline (call once, in the imports cell)."""
    import altair as alt
    from IPython.display import HTML, display

    alt.renderers.register("gzanalysis", render)
    alt.renderers.enable("gzanalysis")
    bundle = "" if os.environ.get(REPORT_BUILD_ENV) else vega_bundle()
    display(HTML(f"<script>{bundle}\n{versions_snippet()}</script>"), metadata={BUNDLE_MARK: True})


def skip_rest(message: str) -> None:
    """Print ``message`` and make every later cell of this kernel a no-op that says it was skipped.

    For a notebook that cannot go on (no data to work on): it stops cleanly — no error, every later cell
    prints one line — and a test run (nbval) passes. Restart the kernel to run cells again.
    """
    from IPython import get_ipython

    print(message.rstrip())
    shell = get_ipython()
    if shell is None:
        return

    def skipped(lines: list[str]) -> list[str]:
        return ['print("skipped: see the first cell\'s message; restart the kernel once it is fixed")\n']

    if not any(getattr(t, "__name__", "") == "skipped" for t in shell.input_transformers_cleanup):
        shell.input_transformers_cleanup.append(skipped)
