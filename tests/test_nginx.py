"""nginx with the shipped deploy/nginx/moderation-proxy.conf in front of `moderation serve`."""

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from bench.load import free_port
from service.config import Settings
from tests.live import serving
from tests.slow import raw_request, slow_clients, timed_probes

ROOT = Path(__file__).resolve().parents[1]
PROXY_CONF = ROOT / "deploy" / "nginx" / "moderation-proxy.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The site file with loopback ports instead of TLS, the proxy rules included as shipped.
CONF = """
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream moderation {{
        server 127.0.0.1:{upstream};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {proxy};
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    if not Path(NGINX).exists():
        message = "nginx is not installed (make install-test installs Debian's package)"
        if os.environ.get("MODERATION_REQUIRE_NGINX") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return NGINX


@contextmanager
def nginx(binary: str, tmp: Path, upstream: int) -> Iterator[int]:
    """nginx on a free loopback port proxying to 127.0.0.1:`upstream`, stopped afterwards."""
    tmp.mkdir(exist_ok=True)
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(CONF.format(tmp=tmp, upstream=upstream, port=port, proxy=PROXY_CONF))
    proc = subprocess.Popen(
        [binary, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                raise RuntimeError((tmp / "error.log").read_text())
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def proxied(nginx_binary, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("proxied")
    with serving(tmp) as (base, key, _):
        with nginx(nginx_binary, tmp / "nginx", int(base.rsplit(":", 1)[1])) as port:
            yield port, key


def test_shipped_body_limit_matches_the_service_default():
    size = re.search(r"^client_max_body_size (\d+)k;", PROXY_CONF.read_text(), re.M)
    assert int(size.group(1)) * 1024 == Settings().max_body_bytes


def test_slow_clients_at_nginx_leave_the_service_answering(proxied):
    port, key = proxied
    with slow_clients(port, key):
        probes = timed_probes(port, key, seconds=5)
    assert len(probes) >= 8
    assert [probe for probe in probes if probe[1] != 200 or probe[2] >= 1.0] == []


def test_nginx_passes_the_client_and_answers_its_refusals_as_json(proxied):
    port, key = proxied
    base = f"http://127.0.0.1:{port}"
    auth = {"Authorization": f"Bearer {key}"}
    ok = requests.post(f"{base}/moderate", json={"text": "Good article"}, headers=auth, timeout=5)
    assert ok.status_code == 200 and ok.json()["decision"] == "approve"
    large = requests.post(
        f"{base}/moderate", data=b"x" * (Settings().max_body_bytes + 1), headers=auth, timeout=5
    )
    assert large.status_code == 413 and large.json()["error"] == "request_entity_too_large"
    status, headers, body = raw_request(
        port, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert status == 414 and headers["content-type"] == "application/json"
    status, headers, body = raw_request(
        port, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n"
    )
    assert status == 431 and headers["content-type"] == "application/json"


def test_nginx_answers_503_with_retry_after_while_the_service_is_away(nginx_binary, tmp_path):
    with nginx(nginx_binary, tmp_path, free_port()) as port:  # nothing listens upstream
        response = requests.get(f"http://127.0.0.1:{port}/health", timeout=5)
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    assert response.json()["error"] == "unavailable"
