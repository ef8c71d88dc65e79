"""Where a request comes from, for the site's limits and nothing else.

The connecting address (REMOTE_ADDR), unless that is a proxy the site was told to trust: then
the address the proxy says it forwarded. Anyone can send an X-Forwarded-For header, so it is
believed only from trusted proxies, and only as far as they wrote it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

from slideshelf.lib.env import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(values: Iterable[str], setting: str) -> tuple[Network, ...]:
    """Addresses and networks ("10.0.0.2", "10.1.0.0/16", "fd00::/8"); a typo stops start-up."""
    parsed = []
    for value in values:
        try:
            parsed.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ConfigError(f"{setting}: {value!r} is not an address or a network") from None
    return tuple(parsed)


def client_address(remote_addr: str, forwarded_for: str, trusted: Sequence[Network]) -> str:
    """The first address, walking back from the connection, that is not a trusted proxy.

    Each proxy appends the address it was connected from, so the rightmost entries of
    X-Forwarded-For are the ones the site's own proxies wrote; what lies left of them the
    client may have made up, and is never reached while an untrusted hop comes first.
    """
    hops = [remote_addr, *reversed([hop.strip() for hop in forwarded_for.split(",")])]
    hops = [hop for hop in hops if hop]
    for hop in hops:
        if not is_trusted(hop, trusted):
            return hop
    return hops[-1] if hops else ""


def is_trusted(hop: str, trusted: Sequence[Network]) -> bool:
    try:
        address = ipaddress.ip_address(hop)
    except ValueError:
        return False
    return any(address in network for network in trusted)


def address_group(address: str) -> str:
    """What one client is, for counting: an IPv4 address, or an IPv6 /64.

    One IPv6 home or server gets a whole /64 to pick addresses from; counting single
    addresses there would give it billions of fresh allowances.
    """
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False))
    return str(parsed)
