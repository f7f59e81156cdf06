"""Every answer the API gives, followed from its index, matches its published schema."""

from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest
from django.test import Client

from .conftest import Newsroom, path
from .crawl import crawl


def _operation(spec: dict[str, Any], url: str) -> dict[str, Any]:
    route = url.split("?")[0]
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, route):
            return item["get"]
    raise AssertionError(f"{url} is not in the schema")


def test_every_answer_matches_the_schema(client: Client, newsroom: Newsroom) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    searches = ["/api/v1/hi/search/?q=समाचार&limit=2", "/api/v1/en/search/?q=english&limit=2"]
    answers = crawl(client, extra=[*searches, "/api/v1/sections/"])
    statuses = {a.status for a in answers}
    assert statuses == {200, 400, 404}, statuses
    # The walk reached every kind of answer, a search's later pages included.
    assert any("/search/" in a.path and "cursor=" in a.path for a in answers)
    for answer in answers:
        responses = _operation(spec, answer.path)["responses"]
        assert str(answer.status) in responses, (answer.path, answer.status)
        schema = responses[str(answer.status)]["content"]["application/json"]["schema"]
        validator = jsonschema.Draft202012Validator(
            {**schema, "components": spec["components"]},
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        errors = [e.message for e in validator.iter_errors(answer.body)]
        assert not errors, (answer.path, errors)


@pytest.mark.parametrize("address", ["/api/", "/openapi.json"])
def test_the_schema_is_found_from_the_documented_addresses(client: Client, address: str) -> None:
    response = client.get(address, follow=True)
    assert response.status_code == 200
    body = response.json()
    schema_url = body.get("schema_url")
    spec = client.get(path(schema_url)).json() if schema_url else body
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/{lang}/stories/" in spec["paths"]
