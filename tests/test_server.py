"""`moderation serve` instances side by side: nothing shared through the user's home."""

import requests

from tests.live import serving


def test_two_instances_run_at_once_without_a_control_socket_in_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    # gunicorn's default control socket: $XDG_RUNTIME_DIR/gunicorn.ctl, else $HOME/.gunicorn/
    places = {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        serving(tmp_path / "a", **places) as (first, _, _),
        serving(tmp_path / "b", **places) as (second, _, _),
    ):
        assert first != second
        for base in (first, second):
            assert requests.get(f"{base}/health", timeout=5).status_code == 200
        assert list(home.iterdir()) == [] and list(runtime.iterdir()) == []
    log = (tmp_path / "b" / "server.log").read_text()
    assert "Control socket" not in log, log[-2000:]  # gunicorn logs where it listens
