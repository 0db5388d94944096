"""Which addresses the workbench may fetch: the SSRF guard.

A fact-check desk pastes URLs from anywhere, so a URL must never make the workbench talk to
the machine it runs on, the office network or a cloud metadata service. Every address a
URL leads to is classified here; only public unicast addresses pass::

    URL ──▶ scheme http/https? ──▶ host written as an address? ──▶ normalise like a browser
             │ no: refused           │ (2130706433, 0x7f000001, 0177.0.0.1, 127.1, "127.0.0.1.",
             │                       │  [::ffff:127.0.0.1], %31%32%37.0.0.1 ...)
             ▼                       ▼
          TargetRefused          every resolved address ──▶ public? ──▶ connect to THAT address
                                                            │ no
                                                            ▼
                                                        TargetRefused (no connection made)

    refused IPv4                          refused IPv6
    0.0.0.0/8      unspecified            ::/128          unspecified
    10/8 172.16/12 192.168/16  private    ::1/128         loopback
    100.64.0.0/10  shared (carrier NAT)   ::ffff:0:0/96   IPv4-mapped  ─┐
    127.0.0.0/8    loopback               64:ff9b::/96    NAT64        ─┤ the IPv4 address
    169.254.0.0/16 link-local (metadata)  2002::/16       6to4         ─┤ inside is checked
    192.0.0.0/24   protocol assignments   2001::/32       Teredo       ─┘ by the IPv4 rules
    192.0.2.0/24, 198.51.100.0/24,        64:ff9b:1::/48  local NAT64
      203.0.113.0/24  documentation       fc00::/7        unique local (private)
    198.18.0.0/15  benchmarking           fe80::/10       link-local
    192.88.99.0/24 6to4 relay             fec0::/10       site-local
    224.0.0.0/4    multicast              ff00::/8        multicast
    240.0.0.0/4    reserved, broadcast    2001:db8::/32, 3fff::/20  documentation
                                          anything outside 2000::/3 (reserved)

Host names ``localhost`` and ``*.localhost`` are loopback by definition (RFC 6761) and are
refused before any lookup. ``settings.lookup_allow_hosts`` may list host names or networks
that are reached although private; only tests and deliberate local setups use it.
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import socket
import threading
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

import httpx

from workbench.errors import LookupFailed, LookupTimeout, TargetRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_V4_REFUSED: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", "unspecified (it reaches this machine)"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "in the shared address space of carrier networks"),
    ("127.0.0.0/8", "loopback (this machine)"),
    ("169.254.0.0/16", "link-local (where cloud metadata services answer)"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "reserved for protocol assignments"),
    ("192.0.2.0/24", "reserved for documentation"),
    ("192.88.99.0/24", "a 6to4 relay address"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "reserved for benchmarking"),
    ("198.51.100.0/24", "reserved for documentation"),
    ("203.0.113.0/24", "reserved for documentation"),
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/4", "reserved"),
)
_V6_REFUSED: tuple[tuple[str, str], ...] = (
    ("::/128", "unspecified (it reaches this machine)"),
    ("::1/128", "loopback (this machine)"),
    ("64:ff9b:1::/48", "a local NAT64 address"),
    ("100::/64", "a discard address"),
    ("2001:db8::/32", "reserved for documentation"),
    ("3fff::/20", "reserved for documentation"),
    ("fc00::/7", "private (unique local)"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_IETF_SPECIAL = ipaddress.IPv6Network("2001::/23")


def _networks(table: tuple[tuple[str, str], ...]) -> list[tuple[ipaddress._BaseNetwork, str]]:
    return [(ipaddress.ip_network(net), why) for net, why in table]


_V4_TABLE = _networks(_V4_REFUSED)
_V6_TABLE = _networks(_V6_REFUSED)


def refusal_reason(address: IPAddress) -> str | None:
    """Say why an address is not public, or return None when it may be fetched.

    IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, Teredo) are judged by the
    IPv4 address inside, because that is where the packets finally go.
    """
    if isinstance(address, ipaddress.IPv4Address):
        for network, why in _V4_TABLE:
            if address in network:
                return why
        return None if address.is_global else "not a public address"
    if address.scope_id:
        return "link-local (it names a network interface)"
    inner = _embedded_ipv4(address)
    if inner is not None:
        why = refusal_reason(inner)
        return None if why is None else f"a wrapped form of {inner}, which is {why}"
    for network, why in _V6_TABLE:
        if address in network:
            return why
    if address not in _GLOBAL_UNICAST:
        return "reserved"
    if address in _IETF_SPECIAL:
        return "reserved for special purposes"
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 translation or tunnel form carries, if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if int(address) >> 32 == 0 and int(address) > 1:
        # Deprecated IPv4-compatible form ::a.b.c.d; stacks may still route it as IPv4.
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def parse_ipv4_like(host: str) -> ipaddress.IPv4Address | None:
    """Read a host the way browsers and libc ``inet_aton`` do, or return None for a name.

    ``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1`` and ``127.0.0.1.`` all mean
    127.0.0.1 to a browser or to ``getaddrinfo``; checking the text alone would miss them.
    A host whose last label is numeric but does not parse is refused as malformed, as the
    URL standard does.
    """
    parts = host.split(".")
    if parts and parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if not parts or not _looks_numeric(parts[-1]):
        return None
    if len(parts) > 4:
        raise TargetRefused(f"The host {host} is neither a name nor a valid address.")
    numbers: list[int] = []
    for part in parts:
        value = _parse_number(part)
        if value is None:
            raise TargetRefused(f"The host {host} is neither a name nor a valid address.")
        numbers.append(value)
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise TargetRefused(f"The host {host} is an address out of range.")
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _looks_numeric(label: str) -> bool:
    if label.lower().startswith("0x"):
        return all(c in "0123456789abcdefABCDEF" for c in label[2:])
    return label.isascii() and label.isdigit()


def _parse_number(part: str) -> int | None:
    try:
        if part.lower().startswith("0x"):
            return int(part[2:] or "0", 16)
        if len(part) > 1 and part.startswith("0"):
            return int(part, 8)
        return int(part, 10)
    except ValueError:
        return None


def parse_host_address(host: str) -> IPAddress | None:
    """Return the address a host is written as (any browser-accepted form), or None."""
    text = host.strip().lower()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if ":" in text:
        try:
            return ipaddress.IPv6Address(text.replace("%25", "%"))
        except ValueError:
            raise TargetRefused(f"The host {host} is not a valid IPv6 address.") from None
    return parse_ipv4_like(text)


@dataclass(frozen=True)
class HostPolicy:
    """The allow list, read once from settings: host names and networks reached although
    private. Everything else must be public."""

    allowed_names: frozenset[str]
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> HostPolicy:
        names: set[str] = set()
        networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in entries:
            entry = entry.strip().lower().rstrip(".")
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                names.add(entry)
        return cls(frozenset(names), tuple(networks))

    def name_allowed(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.allowed_names

    def address_allowed(self, address: IPAddress) -> bool:
        return any(address in network for network in self.allowed_networks)

    def check_address(self, address: IPAddress, *, host: str) -> None:
        """Refuse an address that is not public and not allowed; say which and why."""
        if self.address_allowed(address) or self.name_allowed(host):
            return
        why = refusal_reason(address)
        if why is None:
            return
        where = f"The address {address} of {host}"
        try:
            if parse_host_address(host) == address:
                shown = host.strip("[]")
                plain = shown.lower() == str(address)
                where = f"The address {shown}" + ("" if plain else f" ({address})")
        except TargetRefused:
            pass
        raise TargetRefused(f"{where} is {why}; the workbench only fetches public addresses.")

    def check_url(self, url: str | httpx.URL) -> httpx.URL:
        """Parse a URL and refuse it before any connection if its scheme or host is unsafe.

        Host names are resolved and judged when connecting (see ``network.py``), so that the
        address checked is the address used.
        """
        text = str(url).strip()
        try:
            parsed = httpx.URL(text)
        except (httpx.InvalidURL, TypeError, ValueError):
            self._refuse_unparsable(text)
            raise TargetRefused(f"{text!r} is not a valid web address.") from None
        if parsed.scheme not in {"http", "https"}:
            scheme = parsed.scheme or "no scheme"
            raise TargetRefused(
                f"The address {text} uses {scheme}; the workbench only fetches http and https."
            )
        try:
            host = parsed.host
        except (UnicodeError, ValueError):
            raise TargetRefused(f"The host name in {text} is not a valid name.") from None
        if not host:
            raise TargetRefused(f"The address {text} names no host.")
        if "%" in host and ":" not in host:
            decoded = urllib.parse.unquote(host)
            address = parse_host_address(decoded)
            if address is not None:
                self.check_address(address, host=decoded)
            raise TargetRefused(
                f"The host of {text} is percent-encoded ({decoded}); the workbench does not "
                "accept encoded host names."
            )
        self.check_host(host)
        if parsed.userinfo:
            raise TargetRefused(
                f"The address {text} carries a user name before the host; the workbench does "
                "not send credentials written in addresses."
            )
        return parsed

    def check_host(self, host: str) -> IPAddress | None:
        """Refuse a host written as a non-public address, or named localhost.

        Returns the address when the host is written as one, else None (a name, judged after
        resolution).
        """
        address = parse_host_address(host)
        if address is not None:
            self.check_address(address, host=host)
            return address
        name = host.lower().rstrip(".")
        if (name == "localhost" or name.endswith(".localhost")) and not self.name_allowed(name):
            raise TargetRefused(
                f"The host {host} is loopback (this machine); the workbench only fetches "
                "public addresses."
            )
        return None

    def resolve(self, host: str, port: int, *, timeout: float | None = None
                ) -> list[IPAddress]:
        """Resolve a host once and return its addresses, all of them checked.

        Every address must pass: a name that resolves to one public and one private address
        is refused, because the connection could otherwise be steered to the private one.
        ``timeout`` bounds the resolver, which the socket timeouts do not cover.
        """
        written = self.check_host(host)
        if written is not None:
            return [written]
        future = _resolver().submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
        try:
            infos = future.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            raise LookupTimeout(f"Looking up the host {host} took too long.") from None
        except (socket.gaierror, UnicodeError) as exc:
            raise LookupFailed(f"The host {host} could not be found.") from exc
        addresses: list[IPAddress] = []
        for _family, _type, _proto, _canon, sockaddr in infos:
            address = ipaddress.ip_address(sockaddr[0])
            if address not in addresses:
                addresses.append(address)
        for address in addresses:
            self.check_address(address, host=host)
        return addresses

    def _refuse_unparsable(self, text: str) -> None:
        """Name the real address behind a URL httpx cannot parse (e.g. ``0177.0.0.1``)."""
        try:
            host = urllib.parse.urlsplit(text).hostname
        except ValueError:
            return
        if host:
            try:
                address = parse_host_address(host)
            except TargetRefused:
                return
            if address is not None:
                self.check_address(address, host=host)


_RESOLVER: concurrent.futures.ThreadPoolExecutor | None = None
_RESOLVER_LOCK = threading.Lock()


def _resolver() -> concurrent.futures.ThreadPoolExecutor:
    """A few threads for name lookups, made on first use (a blocked lookup keeps its
    thread until the system resolver gives up, but no longer holds up the caller)."""
    global _RESOLVER
    with _RESOLVER_LOCK:
        if _RESOLVER is None:
            _RESOLVER = concurrent.futures.ThreadPoolExecutor(
                max_workers=8, thread_name_prefix="workbench-dns")
        return _RESOLVER
