"""`moderation serve`: the app under gunicorn, loaded once in the master and forked."""

from __future__ import annotations

import gc

from flask import Flask
from gunicorn.app.base import BaseApplication

from service import api
from service.worker import ReadLimits, worker_class


class Server(BaseApplication):
    """Gunicorn serving an app built once in the master (schema upgraded, rules compiled).

    Each worker process reads requests whole in its event loop (`service.worker`) and runs
    them there (`threads=1`) or on a pool of `threads`; `worker="sync"` with `threads=1`
    serves with gunicorn's sync workers instead (bench/api.py compares the two).
    """

    def __init__(
        self,
        app: Flask,
        host: str,
        port: int,
        workers: int,
        access_log: bool,
        threads: int = 1,
        worker: str | None = None,
    ) -> None:
        self.application = app
        settings = app.extensions[api.EXTENSION].settings
        limits = ReadLimits(max_body_bytes=settings.max_body_bytes, timeout=settings.read_timeout)
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "preload_app": True,
            "worker_class": worker or worker_class(limits),
            # The worker's event loop frames HTTP/1.1 requests itself: no HTTP/2.
            "http_protocols": "h1",
            "timeout": 30,
            "graceful_timeout": 10,
            "accesslog": "-" if access_log else None,
            "post_fork": _post_fork,
            # Gunicorn's control socket (gunicornc) defaults to one path per user, so every
            # instance on a host would fight over it; nothing here uses it.
            "control_socket_disable": True,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None:
                self.cfg.set(key, value)

    def load(self) -> Flask:
        # Every language model and rule pattern now, in the master: the workers share one
        # copy and no request waits for a model to load or a pattern to compile.
        moderator = self.application.extensions[api.EXTENSION].moderator
        moderator.language.preload()
        moderator.rules.compile()
        # Everything built so far (rules, word lists, models) lives as long as the process:
        # keep the garbage collector from scanning it, and from touching its pages after
        # the fork, which would copy them into every worker.
        gc.collect()
        gc.freeze()
        return self.application


def _post_fork(server, worker) -> None:
    # Connections opened in the master must not be shared with the forked workers.
    app = server.app.application
    app.extensions[api.EXTENSION].engine.dispose(close=False)
