"""Charts that render offline in JupyterLab: one explicit call in a notebook's imports cell.

    import gzanalysis as gz
    gz.notebook.setup()

altair's default output fetches vega, vega-lite and vega-embed from a CDN; with no network (or a reader
offline) the chart shows an error. ``setup()`` loads the JavaScript that ``vl-convert-python`` ships into
the page once, and tells altair's output to use it. Nothing happens at import time.

The library (0.9 MB) is not stored in the notebook: ``setup()`` writes it once into the environment's
``share/jupyter/labextensions/gzanalysis-assets/static/``, a folder the Jupyter server serves as static
files (it holds no ``package.json``, so JupyterLab does not take it for an extension), and its output is a
small script that loads it from the server by URL. Saving the notebook stores that script only.
Frontends without a Jupyter server (VS Code, a static viewer) need ``setup(embed=True)``, which puts the
library into the output as before.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
import warnings
from functools import cache
from pathlib import Path

from gzanalysis.package.language import LANGUAGES, set_language

SPEC_MIME = (
    "application/vnd.gzanalysis.vegalite+json"  # the chart's spec beside its HTML: the report's thumbnails
)
BUNDLE_MARK = "gzanalysis-vega-bundle"  # metadata key of the bundle's output: the report builder drops it
# Set by the report builder: its pages load the bundle from assets/, so the notebook need not embed it.
REPORT_BUILD_ENV = "GZANALYSIS_REPORT_BUILD"
# The folder under share/jupyter/labextensions the server serves the library from, at
# {base_url}lab/extensions/gzanalysis-assets/static/<file>.
ASSET_FOLDER = "gzanalysis-assets"


@cache
def vega_bundle() -> str:
    """vega + vega-lite + vega-embed as one script that defines ``window.vegaEmbed`` (about 0.9 MB)."""
    import altair as alt
    import vl_convert as vlc

    minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    return vlc.javascript_bundle(vl_version=minor)


def bundle_name() -> str:
    """The served file's name: the versions in it, so that a browser never keeps a stale copy."""
    import altair as alt
    import vl_convert as vlc

    return f"vega-bundle-vl{alt.VEGALITE_VERSION}-vlc{vlc.__version__}.js"


def install_lab_asset(prefix: str | Path | None = None) -> Path:
    """Write the library where the Jupyter server of this environment serves it (once; later calls only look).

    ``prefix`` is the environment (``sys.prefix`` by default); ``make lab`` calls this before starting Lab.
    """
    folder = Path(prefix or sys.prefix) / "share" / "jupyter" / "labextensions" / ASSET_FOLDER / "static"
    path = folder / bundle_name()
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: two kernels starting at once never serve half a file.
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(vega_bundle(), encoding="utf-8")
        partial.replace(path)
    return path


def loader_snippet(name: str) -> str:
    """JavaScript that loads the served library once per page and tells waiting charts when it is there."""
    return (
        "(function(){if(window.vegaEmbed||window.gzVegaLoading){return;}"
        'var cfg=document.getElementById("jupyter-config-data");'
        "var page=cfg?JSON.parse(cfg.textContent):{};"
        'var base=page.fullLabextensionsUrl||((page.baseUrl||"/")+"lab/extensions");'
        'var s=document.createElement("script");window.gzVegaLoading=true;'
        rf's.src=base.replace(/\/$/,"")+"/{ASSET_FOLDER}/static/{name}";'
        's.onload=function(){window.dispatchEvent(new Event("gz-vega-ready"));};'
        "s.onerror=function(){window.gzVegaLoading=false;"
        'window.dispatchEvent(new Event("gz-vega-failed"));};'
        "document.head.appendChild(s);})();\n"
    )


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


CONTAINER_FALLBACK = 480  # pixels, when the container has no width yet
# a container not yet on screen (a widget's output, a folded section) measures 0: draw at the fallback then
_WIDTH = f"containerSize()[0] > 0 ? containerSize()[0] : {CONTAINER_FALLBACK}"
# resize: the layout is computed again on every update, so that labels that grow (an explorer switched from
# Chinese to English names) get their room instead of running past the chart's left edge
FIT_PATCH = (
    "function(v){v.autosize={type:'fit-x',contains:'padding',resize:true};delete v.width;"
    "v.signals=(v.signals||[]).filter(function(s){return s.name!=='width';});"
    f'v.signals.unshift({{name:"width",init:"{_WIDTH}",on:[{{events:"window:resize",update:"{_WIDTH}"}}]}});'
    "return v;}"
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
    # A chart as wide as its column. Vega-Lite's own width "container" warns ('Dropping "fit-y"') on every
    # chart whose height is a step per bar, so the spec is compiled at a fixed width and the compiled Vega
    # spec is patched to fit the container, re-measured on resize, as Vega-Lite would do it.
    fit = spec.get("width") == "container"
    compiled = {**spec, "width": CONTAINER_FALLBACK} if fit else spec
    options = _safe_json(
        {
            "mode": "vega-lite",
            "renderer": "svg",  # text and aria labels a screen reader can reach; crisp when printed
            "actions": {"export": True, "source": False, "compiled": False, "editor": False},
            **embed_options,
        }
    )
    # The library may arrive after this output: with the page (the report) or from the server (Lab).
    script = (
        f'(function(){{var el=document.getElementById("{div}");var done=false;'
        f"var opts={options};"
        + (f"opts.patch={FIT_PATCH};" if fit else "")
        + "var draw=function(){if(done||!window.vegaEmbed){return;}done=true;"
        + f"window.vegaEmbed(el,{_safe_json(compiled)},opts)"
        # vega-embed's menu (export as PNG/SVG) is a <summary> with only an icon: give it a name
        '.then(function(){var m=el.querySelector("details > summary");'
        'if(m){m.setAttribute("aria-label","Chart menu · 图表菜单");}'
        # ... and redraw at the container's width once it has one, or when it changes (Vega listens to
        # the window's resize only)
        + (
            "if(window.ResizeObserver){var last=el.clientWidth;new ResizeObserver(function(){"
            "if(el.clientWidth>0&&el.clientWidth!==last){last=el.clientWidth;"
            'window.dispatchEvent(new Event("resize"));}}).observe(el);}'
            if fit
            else ""
        )
        + "})"
        '.catch(function(e){el.textContent="Chart error: "+e.message;});};'
        'if(window.vegaEmbed){draw();}else{window.addEventListener("load",draw);'
        'window.addEventListener("gz-vega-ready",draw);'
        'window.addEventListener("gz-vega-failed",function(){if(!done){el.textContent='
        '"The chart library could not be loaded from the Jupyter server: '
        'run gz.notebook.setup(embed=True) instead.";}});}})();'
    )
    # block, full width: vega-embed's own CSS makes it an inline-block as wide as the chart it holds, and a
    # chart that measures its container would then shrink to nothing
    style = ' style="display:block;width:100%"' if fit else ""
    html = f'<div id="{div}" class="gz-chart"{style}></div><script type="text/javascript">{script}</script>'
    return {
        "text/html": html,
        # A type no frontend renders: JupyterLab and nbconvert show the HTML; the report reads the spec.
        SPEC_MIME: json.loads(
            json.dumps(spec), parse_constant=lambda _: None
        ),  # strict JSON: no NaN/Infinity
        "text/plain": "<altair chart: run the notebook with gz.notebook.setup() to draw it>",
    }


def notebook_lang() -> str | None:
    """The ``LANG`` the notebook's parameters cell set (``"en"``, ``"zh"``), or None outside a notebook."""
    from IPython import get_ipython

    shell = get_ipython()
    lang = shell.user_ns.get("LANG") if shell is not None else None
    return lang if lang in LANGUAGES else None


def setup(embed: bool = False, lang: str | None = None) -> None:
    """Render every altair chart of this notebook offline (call once, in the imports cell), and write the
    package's messages in the notebook's language.

    The library is loaded from the Jupyter server (see the module's docstring), so a saved notebook stays
    small; ``embed=True`` stores it in the notebook instead, for frontends that have no Jupyter server.
    ``lang`` (``"en"``, ``"zh"``) is the language of ``gz.require``'s sentence and a disclosure's summary;
    by default the ``LANG`` of the notebook's parameters cell, which runs before this call.
    """
    import altair as alt
    from IPython.display import HTML, display

    chosen = lang or notebook_lang()
    if chosen is not None:
        set_language(chosen)

    alt.renderers.register("gzanalysis", render)
    alt.renderers.enable("gzanalysis")
    if os.environ.get(REPORT_BUILD_ENV):
        library = ""  # the report's pages load it from assets/
    elif embed:
        library = vega_bundle()
    else:
        try:
            library = loader_snippet(install_lab_asset().name)
        except OSError as error:  # a read-only environment: embedding still draws, at 0.9 MB a notebook
            warnings.warn(
                f"cannot write the chart library for the Jupyter server ({error}); embedding it", stacklevel=2
            )
            library = vega_bundle()
    display(HTML(f"<script>{library}\n{versions_snippet()}</script>"), metadata={BUNDLE_MARK: True})


def skip_rest(message: str) -> None:
    """Print ``message`` and make every later cell of this kernel a no-op that says it was skipped.

    For a notebook that cannot go on (no data to work on): it stops cleanly — no error, every later cell
    shows nothing — and a test run (nbval) passes. Restart the kernel to run cells again.
    """
    from html import escape

    from IPython import get_ipython
    from IPython.display import HTML, display

    # shown as a paragraph (a reader sees a sentence, not printed text); plain text where no HTML renders
    display(HTML("".join(f"<p>{escape(p)}</p>" for p in message.strip().split("\n\n"))))
    shell = get_ipython()
    if shell is None:
        return

    def skipped(lines: list[str]) -> list[str]:
        return ["pass  # skipped: see the first cell's message; restart the kernel once it is fixed\n"]

    if not any(getattr(t, "__name__", "") == "skipped" for t in shell.input_transformers_cleanup):
        shell.input_transformers_cleanup.append(skipped)
