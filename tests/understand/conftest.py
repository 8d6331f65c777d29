"""One category model per test session: fitting it is the slow part of these tests.

The model is trained for real, into a session cache directory, once; the
tests that are about training (cache reuse, stale caches, corrections) train
or load again on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gracefully.understand.classifier import Classifier, train_classifier
from gracefully.understand.reader import Reader


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def clf(model_cache: Path) -> Classifier:
    return train_classifier(cache_dir=model_cache)


@pytest.fixture(scope="session")
def reader(clf: Classifier) -> Reader:
    return Reader(clf)
