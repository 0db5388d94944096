"""Bad and awkward input: bytes in odd encodings, binary files, huge articles, HTML."""

from __future__ import annotations

import codecs

import pytest

from workbench.errors import InputError
from workbench.extraction import Document, decode_bytes, extract, html_to_text, segment

ARTICLE = "Petro met Trump on Tuesday.\r\nCocaine output rose 10% last year, officials said.\r\n"


def test_utf8_with_and_without_bom_and_newlines():
    plain = decode_bytes(ARTICLE.encode("utf-8"))
    assert plain == ARTICLE.replace("\r\n", "\n")
    assert decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8")) == plain


def test_utf16_with_bom():
    assert decode_bytes(ARTICLE.encode("utf-16")) == ARTICLE.replace("\r\n", "\n")


def test_cp1252_fallback():
    data = "Bogot\xe1’s \u201crecord\u201d seizures \u2013 $5 billion.".encode("cp1252")
    assert decode_bytes(data) == "Bogotá’s “record” seizures – $5 billion."


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", codecs.BOM_UTF8 + b"  "])
def test_empty_is_refused(data):
    with pytest.raises(InputError, match="empty"):
        decode_bytes(data)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 20])
def test_binary_is_refused(data):
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


def test_tabs_and_form_feeds_are_text_other_control_characters_are_not():
    words = b"Cocaine output rose 10% last year. " * 6
    assert decode_bytes(words + b"\t\f\r" * 40).startswith("Cocaine")
    assert decode_bytes(words + b"\x0b\x1f" * 5)  # up to a twentieth of the text
    with pytest.raises(InputError, match="binary"):
        decode_bytes(words + b"\x0b\x1f\x0e\x08\x01" * 3)


def test_over_the_limit_is_refused():
    with pytest.raises(InputError, match="more than the limit"):
        decode_bytes(b"a" * 101, max_bytes=100)


def test_five_megabyte_article_completes_with_exact_spans():
    paragraph = (
        "WASHINGTON — The U.S. seized $5 billion of cocaine in May, officials said. "
        "“It is a record,” said Jane Roe, an analyst. Seizures rose 10% from a year earlier.\n"
    )
    article = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(article) >= 5_000_000
    claims = extract(article)
    assert claims
    step = max(1, len(claims) // 500)
    for c in claims[::step]:
        assert article[c.start:c.end] == c.text
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:]))


def test_extract_refuses_bytes_and_bad_threshold():
    with pytest.raises(InputError):
        extract(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="threshold"):
        extract("Some text.", threshold=1.5)


HTML = """<html><head><title>Trump and Petro meet</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://news.example.org/trump-petro">
</head><body><nav>Home | World</nav><article><h1>Trump and Petro meet</h1>
<p>President Trump met Colombian President Gustavo Petro at the White House on Tuesday,
a year after the two leaders began trading insults over cocaine and deportations.</p>
<p>Colombia's record seizures of the drug reflect the fact that there is more cocaine than
ever before, many experts on the drug trade say, and the militias have thousands of fighters.</p>
<p>"We got along very well," Trump said after the meeting, which was closed to the press.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_html_to_text_finds_article_and_metadata():
    doc = html_to_text(HTML)
    assert isinstance(doc, Document)
    assert "record seizures" in doc.text and "Home | World" not in doc.text
    assert doc.title == "Trump and Petro meet"
    assert doc.site_name == "Example News"
    assert doc.url == "https://news.example.org/trump-petro"
    assert segment(doc.text)


@pytest.mark.parametrize("html", ["", "<html><body><nav>Home</nav></body></html>",
                                  "<html><head><title>x</title></head><body></body></html>"])
def test_html_without_article_is_refused(html):
    with pytest.raises(InputError, match="(?i)no article text|empty"):
        html_to_text(html)
