"""HTML to readable text with the stdlib parser.

Mail HTML is hostile: nothing is fetched or run, scripts, styles and the
head are dropped, and the input is cut at a fixed size so the work stays
bounded. Block elements become line breaks, list items become "- " lines and
blockquotes become "> " lines (at most `MAX_QUOTE_DEPTH` deep, so the text
stays linear in the input), so `split_quoted` sees HTML quotes as quotes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from gracefully.ingest._text import clean_text

MAX_HTML_CHARS = 320 * 1024
MAX_QUOTE_DEPTH = 8
"""Deeper quotes are written as this deep: each "> " costs every line it prefixes,
so an unbounded depth makes the text grow with the square of the nesting."""
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "object"})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre"})
_LINE = frozenset(
    {"div", "tr", "dl", "dt", "dd", "section", "article", "header", "footer", "address"}
    | {"center", "form", "hr", "main", "nav", "aside", "figure"}
)
_CELL = frozenset({"td", "th"})
_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")
_SPACES = re.compile(r"[ \t\f\v\r\n]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.quote = 0
        self.pre = 0

    def _prefix(self) -> str:
        return "> " * min(self.quote, MAX_QUOTE_DEPTH)

    def _break(self, lines: int) -> None:
        self.parts.append("\n" * lines + self._prefix())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skipping = 0  # an unclosed <head> or <title> must not hide the body
        elif tag in _SKIP:
            self.skipping += 1
        elif tag == "blockquote":
            self.quote += 1
            self._break(1)
        elif tag == "br":
            self._break(1)
        elif tag == "li":
            self._break(1)
            self.parts.append("- ")
        elif tag in _CELL:
            self.parts.append(" ")
        self._block(tag, start=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr", "p", "div"):
            self._break(1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        self._block(tag, start=False)

    def _block(self, tag: str, start: bool) -> None:
        if tag == "pre":
            self.pre = max(0, self.pre + (1 if start else -1))
        if tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.pre:
            self.parts.append(data.replace("\n", "\n" + self._prefix()))
        else:
            self.parts.append(_SPACES.sub(" ", data))


def _defang(html: str) -> str:
    """Escape every "<" that does not open a complete tag or comment.

    html.parser rescans to the end of the input at each unfinished construct,
    which is quadratic on inputs like "<a<a<a..." (minutes for 512 KB). After
    this linear pass every "<" it sees closes before the next one.
    """
    out: list[str] = []
    pos = lt = 0
    gt = comment_end = 0
    while (lt := html.find("<", lt)) >= 0:
        if html.startswith("<!--", lt):
            if 0 <= comment_end < lt + 4:
                comment_end = html.find("-->", lt + 4)
            if comment_end >= 0:
                lt = comment_end + 3
                continue
        nxt = html.find("<", lt + 1)
        if 0 <= gt <= lt:
            gt = html.find(">", lt + 1)
        if not (gt >= 0 and (nxt < 0 or gt < nxt) and html[lt + 1 : lt + 2] in _TAG_START):
            out.append(html[pos:lt] + "&lt;")
            pos = lt + 1
        lt += 1
    out.append(html[pos:])
    return "".join(out)


_BREAK_RUN = re.compile(r"(?:<br\s*/?>\s*){3,}", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body; links keep their text, images and markup go.

    A run of line breaks becomes two before parsing: the text would squeeze them
    to one blank line anyway, and a flood of them costs the parser per tag."""
    parser = _Extractor()
    parser.feed(_defang(_BREAK_RUN.sub("<br><br>", html[:MAX_HTML_CHARS])))
    parser.close()
    return clean_text("".join(parser.parts), squeeze=True)
