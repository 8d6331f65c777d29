"""Pages from templates, one-time messages after a form, and email text made safe to show.

Jinja2 autoescapes everything. The one place HTML is built in Python (an
email's text with its evidence highlighted) escapes each piece and then
passes the result through nh3 with an allow-list of one tag, so even a
mistake here cannot let markup from an email through.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import nh3
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from gracefully.domain import Evidence
from gracefully.service.insights import Insights, svg_text

HERE = Path(__file__).parent
FLASH = "gracefully_flash"
ALLOWED_TAGS = {"mark"}
ALLOWED_ATTRIBUTES = {"mark": {"title"}}
_SVG_STYLE = re.compile(r"<style>[^<]*</style>")


def _when(value: datetime | None) -> str:
    return f"{value:%a %d %b %Y, %H:%M}" if value else "—"


def _label(value: object) -> str:
    """An enum value or code as words: `other_candidate` reads "other candidate"."""
    return str(getattr(value, "value", value)).replace("_", " ")


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(when=_when, label=_label, highlighted=highlighted)
    return env


def page(
    request: Request,
    template: str,
    status: int = 200,
    *,
    notice: dict[str, Any] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A rendered page; a message left by the last form post is shown once.
    `notice` (text and error, like a flash) is a message for this page only."""
    flash = notice or _read_flash(request.cookies.get(FLASH, ""))
    html = (
        environment()
        .get_template(template)
        .render(request=request, flash=flash, csrf=request.app.state.web.token, **context)
    )
    response = HTMLResponse(html, status)
    if flash:
        response.delete_cookie(FLASH, path="/")
    return response


def redirect(url: str, message: str, *, error: bool = False) -> RedirectResponse:
    """Post-redirect-get, carrying one message for the next page."""
    response = RedirectResponse(url, status_code=303)
    payload = json.dumps({"text": message, "error": error}).encode()
    response.set_cookie(
        FLASH,
        base64.urlsafe_b64encode(payload).decode(),
        httponly=True,
        samesite="strict",
        path="/",
    )
    return response


def _read_flash(value: str) -> dict[str, Any] | None:
    try:
        flash = json.loads(base64.urlsafe_b64decode(value.encode()))
    except ValueError:
        return None
    return flash if isinstance(flash, dict) and isinstance(flash.get("text"), str) else None


def highlighted(text: str, evidence: Sequence[Evidence]) -> Markup:
    """The text with each evidence sentence in a <mark> naming what it supports."""
    parts, pos = [], 0
    for start, end, labels in _spans(text, evidence):
        if start < pos:  # overlaps the previous highlight: that one is shown
            continue
        parts += [escape(text[pos:start]), _mark(text[start:end], labels)]
        pos = end
    parts.append(escape(text[pos:]))
    html = nh3.clean(
        "".join(parts), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel=None
    )
    return Markup(html)  # safe: cleaned by nh3 just above


def _mark(sentence: str, labels: list[str]) -> Markup:
    return Markup('<mark title="{}">{}</mark>').format("; ".join(labels), sentence)


def _spans(text: str, evidence: Sequence[Evidence]) -> list[tuple[int, int, list[str]]]:
    """Where each piece of evidence sits in `text`: its offsets when they still
    fit, else wherever its sentence is found. Evidence on the same span shares it."""
    found: dict[tuple[int, int], list[str]] = {}
    for item in evidence:
        start, end = item.start, item.end
        if not (0 <= start < end <= len(text)):
            start = text.find(item.sentence) if item.sentence else -1
            end = start + len(item.sentence)
        if start >= 0 and text[start:end].strip():
            found.setdefault((start, end), []).append(f"{_label(item.field)}: {item.value}")
    return [(s, e, labels) for (s, e), labels in sorted(found.items())]


def chart_svg(found: Insights) -> str:
    """The service's SVG charts as text to put inline: without the XML declaration
    (no place inside HTML) and without its <style>, which the CSP would refuse
    anyway; the page's stylesheet styles the chart instead."""
    text = _SVG_STYLE.sub("", svg_text(found), count=1)
    return text.removeprefix('<?xml version="1.0" encoding="UTF-8"?>').strip()
