"""`moderation serve`: the app under gunicorn, loaded once in the master and forked."""

from __future__ import annotations

import gc

from flask import Flask
from gunicorn.app.base import BaseApplication

from service import api


class Server(BaseApplication):
    """Gunicorn serving an app built once in the master (schema upgraded, rules compiled)."""

    def __init__(self, app: Flask, host: str, port: int, workers: int, access_log: bool) -> None:
        self.application = app
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "preload_app": True,
            "worker_class": "sync",
            "timeout": 30,
            "graceful_timeout": 10,
            "accesslog": "-" if access_log else None,
            "post_fork": _post_fork,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None:
                self.cfg.set(key, value)

    def load(self) -> Flask:
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
