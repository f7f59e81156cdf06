from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from patrika.newsroom.models import Story
from patrika.newsroom.tests.factories import make_story


@pytest.fixture
def publish(django_capture_on_commit_callbacks: Any) -> Callable[..., Story]:
    """make_story, with the after-commit signals (and so the indexing) run at once."""

    def build(**kwargs: Any) -> Story:
        with django_capture_on_commit_callbacks(execute=True):
            return make_story(**kwargs)

    return build


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Run a service call and then its after-commit callbacks."""

    def run(function: Callable[..., Any], **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run
