"""User text on screen, never as HTML: Markdown with every punctuation mark escaped.

Articles, claims and sources come from outside; whatever they contain (``<script>``,
``$`` that would start LaTeX, ``[link](javascript:...)``) must show as the characters it
is. CommonMark lets a backslash escape any ASCII punctuation, so escaping all of it
leaves no markup, and the one highlight we add is Streamlit's own directive around text
that is itself escaped.
"""

from __future__ import annotations

import string

_PUNCT = set(string.punctuation)


def md_escape(text: str) -> str:
    """Escape ``text`` so that Markdown shows it literally (on one line or many)."""
    out = []
    for ch in text:
        if ch in _PUNCT:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("  \n")
        else:
            out.append(ch)
    return "".join(out)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of an article (each line is a paragraph in news text)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def highlighted_paragraphs(
    text: str, marks: list[tuple[int, int]], *, colour: str = "orange", window: int | None = None
) -> list[str]:
    """The article as escaped Markdown paragraphs, with the spans in ``marks`` highlighted.

    ``window`` keeps only that many paragraphs around the first mark (None keeps all).
    """
    marks = sorted((max(0, s), min(len(text), e)) for s, e in marks if e > s)
    paras = _paragraphs(text)
    if window is not None and marks:
        first = next((i for i, (s, e) in enumerate(paras) if e > marks[0][0]), 0)
        paras = paras[max(0, first - window): first + window + 1]
    rendered = []
    for p_start, p_end in paras:
        pieces, pos = [], p_start
        for m_start, m_end in marks:
            s, e = max(m_start, p_start), min(m_end, p_end)
            if s >= e:
                continue
            pieces.append(md_escape(text[pos:s]))
            pieces.append(f":{colour}-background[**{md_escape(text[s:e])}**]")
            pos = e
        pieces.append(md_escape(text[pos:p_end]))
        rendered.append("".join(pieces))
    return rendered
