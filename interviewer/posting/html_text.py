"""HTML to lines of text with the standard library's parser: block elements start a line,
list items become "- " bullets, headings "# " headings, and scripts and styles vanish."""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "title", "nav",
})
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.title = ""
        self._in_title = False

    def _break(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in SKIPPED:
            self.skipping += 1
        if tag in BLOCKS:
            self._break()
        if not self.skipping:
            if tag == "li":
                self.current.append("- ")
            elif tag in HEADINGS:
                self.current.append("# ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skipping:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a page, one block per line."""
    parser = _Lines()
    parser.feed(html)
    parser.close()
    parser._break()
    lines = parser.lines
    if not any(line.startswith("# ") for line in lines) and parser.title.strip():
        lines = [f"# {' '.join(parser.title.split())}", *lines]
    return "\n".join(lines)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<ul" in head
                                                            or "<p>" in head or "<li" in head)
