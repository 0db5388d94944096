"""The web page lookup: what the workbench reads from an HTML page or a PDF."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from tests.httpserver import LocalServer, Response, html_response, redirect
from workbench.config import Settings
from workbench.errors import UnsupportedContent, UpstreamError
from workbench.lookups import build_client, lookup_page

ARTICLE = """<!doctype html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Trump and Petro meet at the White House - The Daily Example</title>
  <meta name="description" content="The two presidents discussed drug trafficking.">
  <meta name="author" content="Ana Reportera">
  <meta property="og:title" content="Trump and Petro meet at the White House">
  <meta property="og:site_name" content="The Daily Example">
  <meta property="og:url" content="https://news.example.org/og-url">
  <meta property="article:published_time" content="2026-02-04T15:30:00-05:00">
  <meta property="article:modified_time" content="2026-02-05T09:00:00Z">
  <link rel="canonical" href="/politics/trump-petro">
</head>
<body>
  <nav>Home | World | Politics</nav>
  <article>
    <h1>Trump and Petro meet at the White House</h1>
    <p>Colombia's record seizures of the drug reflect more cocaine than ever before, the
    officials said after a meeting that lasted nearly two hours in the Oval Office.</p>
    <p>The drug-trafficking militias are considered Foreign Terrorist Organizations by the
    U.S., according to the State Department list published last year.</p>
  </article>
</body>
</html>"""

JSON_LD_ONLY = """<!doctype html>
<html><head>
<title>Clan del Golfo | Noticias</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Noticias Ejemplo"},
  {"@type": "NewsArticle", "headline": "El Clan del Golfo y la cocaína",
   "author": [{"@type": "Person", "name": "Luis Periodista"},
              {"@type": "Person", "name": "Marta Editora"}],
   "publisher": {"@type": "Organization", "name": "Noticias Ejemplo"},
   "datePublished": "2024-03-15", "dateModified": "2024-03-16T10:00:00+00:00",
   "inLanguage": "es",
   "mainEntityOfPage": {"@id": "https://noticias.example.co/clan-del-golfo"}}
]}
</script>
</head><body><p>El grupo controla rutas de exportación en la costa del Caribe colombiano.</p>
</body></html>"""

BARE = "<html><head><title>  Bare   page </title></head><body><p>Only text here.</p></body></html>"


def make_pdf(title: str, text: str) -> bytes:
    """A tiny real PDF: one page with one line of Helvetica text, and an Info dictionary."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /Author (UNODC) /CreationDate (D:20240315083012Z) >>".encode(
            "latin-1"
        ),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "lookup_allow_hosts": ["127.0.0.1"],
        "lookup_deadline": 5.0,
        "lookup_retries": 0,
        "lookup_backoff": 0.01,
        "lookup_cache_ttl": 60.0,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def server():
    pdf = make_pdf("Coca Survey 2023", "Colombia seized a record amount of cocaine.")
    routes = {
        "/article": lambda r: html_response(ARTICLE),
        "/jsonld": lambda r: html_response(JSON_LD_ONLY),
        "/bare": lambda r: html_response(BARE),
        "/moved": lambda r: redirect("/article", status=301),
        "/report.pdf": lambda r: Response(body=pdf, content_type="application/pdf"),
        "/download": lambda r: Response(body=pdf, content_type="application/octet-stream"),
        "/logo.png": lambda r: Response(body=b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        "/broken.pdf": lambda r: Response(body=b"%PDF-1.4 garbage", content_type="application/pdf"),
        "/gone": lambda r: Response(410, b"gone"),
        "/error": lambda r: Response(500, b"oops"),
        "/latin1": lambda r: Response(
            body="<title>Bogotá y Medellín</title><p>Año récord</p>".encode("latin-1"),
            content_type="text/html; charset=iso-8859-1",
        ),
    }
    with LocalServer(routes) as running:
        yield running


@pytest.fixture
def client():
    with build_client(make_settings()) as guarded:
        yield guarded


def test_page_with_opengraph_and_meta_tags(server: LocalServer, client) -> None:
    page = lookup_page(client, server.url("/article"))
    assert page.title == "Trump and Petro meet at the White House"
    assert page.site_name == "The Daily Example"
    assert page.author == "Ana Reportera"
    assert page.published_at == datetime(2026, 2, 4, 20, 30, tzinfo=UTC)
    assert page.modified_at == datetime(2026, 2, 5, 9, 0, tzinfo=UTC)
    assert page.canonical_url == server.url("/politics/trump-petro")
    assert page.language == "en-US"
    assert page.description == "The two presidents discussed drug trafficking."
    assert page.excerpt and "record seizures" in page.excerpt
    assert "Home | World" not in page.excerpt
    assert page.content_type == "text/html"
    assert page.document_type == "html"
    assert page.status == 200
    assert page.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert page.size == len(ARTICLE.encode())
    assert page.final_url == page.url == server.url("/article")
    assert page.redirects == ()
    assert page.retrieved_at.tzinfo is UTC
    assert abs((datetime.now(UTC) - page.retrieved_at).total_seconds()) < 10


def test_page_with_json_ld_only(server: LocalServer, client) -> None:
    page = lookup_page(client, server.url("/jsonld"))
    assert page.title == "El Clan del Golfo y la cocaína"
    assert page.author == "Luis Periodista, Marta Editora"
    assert page.site_name == "Noticias Ejemplo"
    assert page.published_at == datetime(2024, 3, 15, tzinfo=UTC)
    assert page.modified_at == datetime(2024, 3, 16, 10, tzinfo=UTC)
    assert page.canonical_url == "https://noticias.example.co/clan-del-golfo"
    assert page.language == "es"


def test_page_without_metadata(server: LocalServer, client) -> None:
    page = lookup_page(client, server.url("/bare"))
    assert page.title == "Bare page"
    assert page.author is None
    assert page.site_name is None
    assert page.published_at is None
    assert page.canonical_url is None
    assert page.excerpt == "Only text here."


def test_redirect_chain_and_final_url(server: LocalServer, client) -> None:
    page = lookup_page(client, server.url("/moved"))
    assert page.url == server.url("/moved")
    assert page.final_url == server.url("/article")
    assert page.redirects == (server.url("/moved"),)


def test_charset_from_the_http_header(server: LocalServer, client) -> None:
    page = lookup_page(client, server.url("/latin1"))
    assert page.title == "Bogotá y Medellín"


def test_pdf_gives_title_and_text(server: LocalServer, client) -> None:
    page = lookup_page(client, server.url("/report.pdf"))
    assert page.document_type == "pdf"
    assert page.content_type == "application/pdf"
    assert page.title == "Coca Survey 2023"
    assert page.author == "UNODC"
    assert page.published_at == datetime(2024, 3, 15, 8, 30, 12, tzinfo=UTC)
    assert page.excerpt == "Colombia seized a record amount of cocaine."


def test_pdf_served_as_octet_stream_is_recognised(server: LocalServer, client) -> None:
    assert lookup_page(client, server.url("/download")).document_type == "pdf"


def test_unreadable_pdf_is_unsupported(server: LocalServer, client) -> None:
    with pytest.raises(UnsupportedContent, match="could not be read"):
        lookup_page(client, server.url("/broken.pdf"))


def test_an_image_is_unsupported(server: LocalServer, client) -> None:
    with pytest.raises(UnsupportedContent, match="image/png") as refused:
        lookup_page(client, server.url("/logo.png"))
    assert "web page or a PDF" in str(refused.value)


@pytest.mark.parametrize(("path", "status"), [("/nowhere", 404), ("/gone", 410)])
def test_a_gone_page_is_recognisable(server: LocalServer, client, path: str, status: int) -> None:
    with pytest.raises(UpstreamError, match="does not exist") as gone:
        lookup_page(client, server.url(path))
    assert gone.value.status == status


def test_a_server_error_carries_its_status(server: LocalServer, client) -> None:
    with pytest.raises(UpstreamError) as failed:
        lookup_page(client, server.url("/error"))
    assert failed.value.status == 500


def test_refresh_bypasses_the_cache(server: LocalServer, client) -> None:
    first = lookup_page(client, server.url("/article"))
    cached = lookup_page(client, server.url("/article"))
    fresh = lookup_page(client, server.url("/article"), refresh=True)
    assert server.count("/article") == 2
    assert cached.from_cache and not fresh.from_cache
    assert first.sha256 == cached.sha256 == fresh.sha256
