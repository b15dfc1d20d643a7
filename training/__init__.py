"""Offline work on labelled data: loading, training, evaluation. Never imported by service/."""
