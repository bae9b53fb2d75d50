"""The dashboard's pages: an HTML shell each, drawn in the browser by `static/app.js` from the
JSON API (the page's twin). Everything is served by detente: no CDN, no tile server."""

from __future__ import annotations

import html

PAGES = {
    "overview": ("/", "Overview"),
    "dyad": ("/dyad", "Dyad"),
    "network": ("/network", "Network"),
    "map": ("/map", "Map"),
    "search": ("/search", "Search"),
}
"""The menu: page name, its path and title (each page's JSON twins are in the README)."""


def page(name: str, title: str, **data: str) -> str:
    """The HTML of one page; `data` reaches the script as `data-*` attributes of the body."""
    menu = "".join(
        f'<a href="{path}"{" class=here" if key == name else ""}>{label}</a>'
        for key, (path, label) in PAGES.items()
    )
    attributes = "".join(
        f' data-{key.replace("_", "-")}="{html.escape(value, quote=True)}"'
        for key, value in data.items()
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · detente</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
</head>
<body data-page="{name}"{attributes}>
<header><a class="brand" href="/">detente</a><nav>{menu}</nav></header>
<main id="main"><h1>{html.escape(title)}</h1>
<div id="content"><p class="muted">Loading…</p></div></main>
<script src="/static/app.js"></script>
</body>
</html>
"""
