"""Which URLs the workbench refuses to fetch, and proof that it never connected to them.

A local server listens on 127.0.0.1 and counts accepted connections. Every form of
writing a loopback address must be refused with the allow list empty, and the server
must see zero connections. Addresses elsewhere (private, link-local, multicast ...) are
refused too, before any connection.
"""

from __future__ import annotations

import pytest

from tests.httpserver import LocalServer, html_response, redirect
from workbench.config import Settings
from workbench.errors import LookupFailed, TargetRefused
from workbench.lookups import build_client
from workbench.lookups.guard import HostPolicy, parse_ipv4_like, refusal_reason


def make_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "lookup_allow_hosts": [],
        "lookup_deadline": 3.0,
        "lookup_connect_timeout": 1.0,
        "lookup_read_timeout": 2.0,
        "lookup_retries": 0,
        "lookup_backoff": 0.01,
        "lookup_cache_ttl": 0,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def server():
    with LocalServer(
        {
            "/": lambda r: html_response("<title>should never be served</title>"),
            "/target": lambda r: html_response("<title>target</title>"),
        }
    ) as running:
        yield running


# Every way of writing an address that reaches the local server at 127.0.0.1.
LOOPBACK_FORMS = {
    "dotted quad": "http://127.0.0.1:{port}/",
    "https": "https://127.0.0.1:{port}/",
    "decimal integer": "http://2130706433:{port}/",
    "hexadecimal integer": "http://0x7f000001:{port}/",
    "hexadecimal dotted": "http://0x7f.0x0.0x0.0x1:{port}/",
    "octal dotted": "http://0177.0.0.1:{port}/",
    "short form 127.1": "http://127.1:{port}/",
    "short form 127.0.1": "http://127.0.1:{port}/",
    "trailing dot": "http://127.0.0.1.:{port}/",
    "other loopback 127.0.0.2": "http://127.0.0.2:{port}/",
    "localhost": "http://localhost:{port}/",
    "LOCALHOST with trailing dot": "http://LOCALHOST.:{port}/",
    "subdomain of localhost": "http://news.localhost:{port}/",
    "user-info before the host": "http://public.example@127.0.0.1:{port}/",
    "user-info with a port": "http://public.example:80@127.0.0.1:{port}/",
    "percent-encoded host": "http://%31%32%37.0.0.1:{port}/",
    "unspecified 0.0.0.0": "http://0.0.0.0:{port}/",
    "unspecified 0": "http://0:{port}/",
    "IPv6 unspecified [::]": "http://[::]:{port}/",
    "IPv6 loopback [::1]": "http://[::1]:{port}/",
    "IPv4-mapped [::ffff:127.0.0.1]": "http://[::ffff:127.0.0.1]:{port}/",
    "IPv4-mapped in hex [::ffff:7f00:1]": "http://[::ffff:7f00:1]:{port}/",
    "IPv4-compatible [::127.0.0.1]": "http://[::127.0.0.1]:{port}/",
    "NAT64 [64:ff9b::127.0.0.1]": "http://[64:ff9b::127.0.0.1]:{port}/",
    "6to4 [2002:7f00:1::]": "http://[2002:7f00:1::]:{port}/",
}


@pytest.mark.parametrize("url", LOOPBACK_FORMS.values(), ids=LOOPBACK_FORMS.keys())
def test_loopback_forms_are_refused_without_connecting(server: LocalServer, url: str) -> None:
    with build_client(make_settings()) as client:
        with pytest.raises(TargetRefused) as refused:
            client.fetch(url.format(port=server.port))
    assert server.connections == 0
    assert server.count() == 0
    assert refused.value.message.endswith(".")
    assert "\n" not in refused.value.message


OTHER_REFUSED = {
    "cloud metadata 169.254.169.254": "http://169.254.169.254/latest/meta-data/",
    "metadata, IPv4-mapped": "http://[::ffff:169.254.169.254]/",
    "private 10/8": "http://10.0.0.5/",
    "private 172.16/12": "http://172.16.0.1/",
    "private 192.168/16": "http://192.168.1.1/",
    "shared address space 100.64/10": "http://100.64.0.1/",
    "multicast 224.0.0.1": "http://224.0.0.1/",
    "multicast SSDP": "http://239.255.255.250:1900/",
    "reserved 240/4": "http://240.0.0.1/",
    "broadcast": "http://255.255.255.255/",
    "benchmarking 198.18/15": "http://198.18.0.1/",
    "documentation 192.0.2/24": "http://192.0.2.1/",
    "private written in decimal": "http://167772165/",
    "IPv6 link-local": "http://[fe80::1]/",
    "IPv6 link-local with zone": "http://[fe80::1%25eth0]/",
    "IPv6 unique local": "http://[fd12:3456::1]/",
    "IPv6 multicast": "http://[ff02::1]/",
    "IPv6 documentation": "http://[2001:db8::1]/",
    "NAT64 of private": "http://[64:ff9b::a00:5]/",
    "6to4 of private": "http://[2002:a00:5::]/",
    "Teredo of private": "http://[2001:0:4136:e378:8000:63bf:f5ff:fffa]/",
}


@pytest.mark.parametrize("url", OTHER_REFUSED.values(), ids=OTHER_REFUSED.keys())
def test_non_public_addresses_are_refused(url: str) -> None:
    with build_client(make_settings()) as client:
        with pytest.raises(TargetRefused, match="only fetches public addresses"):
            client.fetch(url)


NOT_HTTP = {
    "file": "file:///etc/passwd",
    "ftp": "ftp://ftp.example.org/file.txt",
    "gopher": "gopher://127.0.0.1:70/",
    "javascript": "javascript:alert(1)",
    "data": "data:text/html,hello",
    "no host": "http:///path",
    "no scheme": "www.example.org/article",
}


@pytest.mark.parametrize("url", NOT_HTTP.values(), ids=NOT_HTTP.keys())
def test_only_http_and_https_with_a_host(url: str) -> None:
    with build_client(make_settings()) as client:
        with pytest.raises(TargetRefused):
            client.fetch(url)


def test_refusal_names_the_address_and_the_reason() -> None:
    with build_client(make_settings()) as client:
        with pytest.raises(TargetRefused) as refused:
            client.fetch("http://2130706433/")
    assert str(refused.value) == (
        "The address 2130706433 (127.0.0.1) is loopback (this machine); the workbench only "
        "fetches public addresses."
    )


def test_allow_list_lets_tests_reach_a_local_server(server: LocalServer) -> None:
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        assert client.fetch(server.url("/target")).status == 200
    with build_client(make_settings(lookup_allow_hosts="127.0.0.0/8")) as client:
        assert client.fetch(f"http://127.1:{server.port}/target").status == 200
    with build_client(make_settings(lookup_allow_hosts="localhost")) as client:
        assert client.fetch(server.url("/target", host="localhost")).status == 200


def test_allowing_one_loopback_address_does_not_allow_another(server: LocalServer) -> None:
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        with pytest.raises(TargetRefused):
            client.fetch(server.url("/target", host="127.0.0.2"))
        with pytest.raises(TargetRefused):
            client.fetch(server.url("/target", host="localhost"))
    assert server.connections == 0


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.2:{port}/target",
        "http://localhost:{port}/target",
        "http://[::ffff:127.0.0.1]:{port}/target",
        "file:///etc/passwd",
    ],
)
def test_redirect_to_a_refused_target_is_refused(server: LocalServer, location: str) -> None:
    server.route("/jump", lambda r: redirect(location.format(port=server.port)))
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        with pytest.raises(TargetRefused):
            client.fetch(server.url("/jump"))
    assert server.count("/jump") == 1
    assert server.count("/target") == 0


def test_redirect_loop_is_reported(server: LocalServer) -> None:
    server.route("/a", lambda r: redirect("/b"))
    server.route("/b", lambda r: redirect("/a"))
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        with pytest.raises(LookupFailed, match="redirects in a loop"):
            client.fetch(server.url("/a"))
    assert server.count() == 2


def test_more_than_five_redirects_are_refused(server: LocalServer) -> None:
    server.route("/hop/*", lambda r: redirect(f"/hop/{int(r.path.rsplit('/', 1)[1]) + 1}"))
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        with pytest.raises(LookupFailed, match="redirected more than 5 times"):
            client.fetch(server.url("/hop/0"))
    assert server.count() == 6


def test_five_redirects_are_followed(server: LocalServer) -> None:
    def hop(request):
        number = int(request.path.rsplit("/", 1)[1])
        return redirect(f"/hop/{number + 1}") if number < 5 else html_response("<p>end</p>")

    server.route("/hop/*", hop)
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        result = client.fetch(server.url("/hop/0"))
    assert result.status == 200
    assert result.url == server.url("/hop/5")
    assert result.redirects == tuple(server.url(f"/hop/{n}") for n in range(5))


def test_credentials_do_not_follow_a_redirect_to_another_host(server: LocalServer) -> None:
    server.route("/jump", lambda r: redirect(server.url("/target", host="localhost")))
    settings = make_settings(lookup_allow_hosts="127.0.0.1,localhost")
    with build_client(settings) as client:
        client.fetch(server.url("/jump"), headers={"Authorization": "LOW key:secret"})
    first, second = server.requests
    assert first.headers["authorization"] == "LOW key:secret"
    assert "authorization" not in second.headers


def test_no_proxy_is_taken_from_the_environment(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An environment proxy would receive the request instead of the server.
    monkeypatch.setenv("HTTP_PROXY", "http://10.255.255.1:3128")
    monkeypatch.setenv("ALL_PROXY", "http://10.255.255.1:3128")
    with build_client(make_settings(lookup_allow_hosts="127.0.0.1")) as client:
        assert client.fetch(server.url("/target")).status == 200


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("192.168.257", "192.168.1.1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("example.org", None),
        ("1.example", None),
    ],
)
def test_hosts_are_read_like_a_browser_reads_them(host: str, address: str | None) -> None:
    parsed = parse_ipv4_like(host)
    assert (str(parsed) if parsed else None) == address


@pytest.mark.parametrize("host", ["1.2.3.4.5", "256.0.0.1", "0x1g.0.0.1", "4294967296"])
def test_malformed_numeric_hosts_are_refused(host: str) -> None:
    with pytest.raises(TargetRefused):
        parse_ipv4_like(host)


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::"]
)
def test_public_addresses_pass(address: str) -> None:
    import ipaddress

    assert refusal_reason(ipaddress.ip_address(address)) is None


def test_allow_list_entries_are_names_or_networks() -> None:
    policy = HostPolicy.from_entries(["127.0.0.0/8", "LocalHost.", "::1"])
    assert policy.name_allowed("localhost")
    assert not policy.name_allowed("example.org")
    import ipaddress

    assert policy.address_allowed(ipaddress.ip_address("127.9.9.9"))
    assert policy.address_allowed(ipaddress.ip_address("::1"))
    assert not policy.address_allowed(ipaddress.ip_address("10.0.0.1"))
