"""The Dask engine for `moderation rescore`: the same scoring on a distributed cluster.

The client ships the settings and the model artifact to every worker once (broadcast
scatter); each worker builds its moderator once and checks that its policy version is
the client's, so every partition is decided by the same rules, model and thresholds.
Partitions come back in order and are written by the client as they arrive.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from service.classifier import card_path
from service.config import Settings
from service.pipeline import Moderator

_MODERATORS: dict[str, Moderator] = {}  # per worker process, by policy version


def _moderator(payload: dict) -> Moderator:
    from service import build_moderator

    version = payload["policy_version"]
    moderator = _MODERATORS.get(version)
    if moderator is None:
        settings: Settings = payload["settings"]
        if payload["model"] is not None:
            folder = Path(tempfile.mkdtemp(prefix="moderation-model-"))
            model = folder / "classifier.joblib"
            model.write_bytes(payload["model"])
            card_path(model).write_bytes(payload["card"])
            settings = replace(settings, model_path=model)
        moderator = build_moderator(settings)
        if moderator.policy.version != version:
            raise RuntimeError(
                f"this worker's policy {moderator.policy.version} is not the client's {version}: "
                "install the same rule lists on every worker"
            )
        _MODERATORS[version] = moderator
    return moderator


def score_partition(texts: list[str], payload: dict):
    """Decide one partition on a worker."""
    from service.rescore import score_texts

    return score_texts(texts, _moderator(payload))


class DaskEngine:
    def __init__(self, scheduler: str, settings: Settings, moderator: Moderator) -> None:
        self.scheduler = scheduler
        model = settings.model_path
        self._payload = {
            "settings": replace(settings, secret_key="", database_url="sqlite://", model_path=None),
            "model": model.read_bytes() if model else None,
            "card": card_path(model).read_bytes() if model else None,
            "policy_version": moderator.policy.version,
        }
        self.window = 4

    def __enter__(self) -> DaskEngine:
        from distributed import Client

        self.client = Client(self.scheduler)
        workers = self.client.scheduler_info()["workers"]
        self.window = 2 * max(1, sum(w.get("nthreads", 1) for w in workers.values()))
        self._shipped = self.client.scatter(self._payload, broadcast=True)
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    def submit(self, texts: list[str]):
        return self.client.submit(score_partition, texts, self._shipped, pure=False)

    @staticmethod
    def result(future):
        return future.result()
