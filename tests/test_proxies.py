"""X-Forwarded-For names the client only when the connection comes from a trusted proxy."""

from ipaddress import ip_network
from pathlib import Path

import pytest

from service.config import ConfigError, from_env
from service.proxies import client_address

PROXIES = (ip_network("10.0.0.5"), ip_network("192.168.0.0/24"))


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),  # not a proxy: the header is ignored
        ("10.0.0.5", "198.51.100.1", "198.51.100.1"),
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # the client's own entry is ignored
        ("10.0.0.5", "198.51.100.1, 192.168.0.9", "198.51.100.1"),  # two proxies of ours
        ("10.0.0.5", "192.168.0.8,192.168.0.9", "192.168.0.8"),
        ("10.0.0.5", "not-an-address", "10.0.0.5"),
        ("10.0.0.5", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(peer, forwarded, client):
    assert client_address(peer, forwarded, PROXIES) == client


def test_trusted_proxies_setting_is_validated():
    env = {"MODERATION_TRUSTED_PROXIES": "10.0.0.5, 192.168.0.0/24"}
    assert from_env(Path("/tmp"), env).trusted_proxies == PROXIES
    assert from_env(Path("/tmp"), {}).trusted_proxies == ()
    with pytest.raises(ConfigError, match="MODERATION_TRUSTED_PROXIES"):
        from_env(Path("/tmp"), {"MODERATION_TRUSTED_PROXIES": "proxy.internal"})
