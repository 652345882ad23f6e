"""The JSON Schema and the editors' reference come from the same declarations as the checks."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from learning_resources.fields import FIELDS
from learning_resources.kinds import Kind
from learning_resources.located import load_located, plain
from learning_resources.reference import fields_reference, rule_anchor, rules_reference
from learning_resources.rules import RULES
from learning_resources.schema import json_schema
from learning_resources.settings import SETTINGS, load_settings
from learning_resources.source import read_source

from .conftest import PROJECT, SiteFolder, brief


def front_matter(path: Path) -> object:
    source = read_source(path, path.name)
    assert source.front_matter is not None
    return plain(load_located(source.front_matter))  # dates stay text, as editors wrote them


@pytest.mark.parametrize("kind", [Kind.BRIEF, Kind.SHEET])
def test_the_example_documents_match_the_schema(kind: Kind) -> None:
    schema = json_schema(kind, load_settings(PROJECT))
    jsonschema.Draft202012Validator.check_schema(schema)
    paths = sorted((PROJECT / kind.folder).glob("*.md"))
    assert paths
    for path in paths:
        jsonschema.validate(front_matter(path), schema)


@pytest.mark.parametrize(
    "change",
    [{"published": "2025-3-1"}, {"topics": ["nope"]}, {"titel": "x"}, {"case": "a"}],
    ids=["date", "topic", "unknown-key", "case"],
)
def test_the_schema_rejects_what_check_rejects(change: dict[str, object]) -> None:
    schema = json_schema(Kind.BRIEF, load_settings(PROJECT))
    data = {
        "title": "T",
        "case": "A",
        "review_type": "cspr",
        "published": "2026-01-01",
        "topics": ["neglect"],
        "summary": "S",
    } | change
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_reference_lists_every_field_and_rule() -> None:
    text = fields_reference(load_settings(PROJECT))
    for kind in (Kind.BRIEF, Kind.SHEET):
        for spec in FIELDS[kind]:
            assert f"| `{spec.name}` |" in text
    for setting in SETTINGS:
        assert f"| `{setting.name}` | {setting.description} |" in text
    rules = rules_reference()
    for rule_id in RULES:
        assert f"## `{rule_id}`" in rules and f"{{#{rule_anchor(rule_id)}}}" in rules


def test_build_py_prints_the_schema(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief())
    result = site.run("schema", "--kind", "brief")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["topics"]["items"]["enum"] == [
        "neglect",
        "safe-sleep",
        "domestic-abuse",
    ]


def test_every_declared_field_is_a_typed_attribute_of_fields() -> None:
    """fields.py declares the front matter; documents.Fields must hold each checked field."""
    import dataclasses

    from learning_resources.documents import Fields
    from learning_resources.fields import FIELDS, FieldType

    declared = {s.name for specs in FIELDS.values() for s in specs if s.type is not FieldType.ANY}
    typed = {f.name for f in dataclasses.fields(Fields)} - {"engine"}
    assert declared == typed


def test_the_plugin_accepts_exactly_the_core_settings() -> None:
    from mkdocs_learning.plugin import LearningConfig

    from learning_resources.settings import SETTINGS

    options = dict(LearningConfig._schema)
    assert list(options) == [s.name for s in SETTINGS]
    for spec in SETTINGS:
        if spec.default is not None:
            assert options[spec.name].default == spec.default


@pytest.mark.parametrize("kind", ["brief", "sheet"])
def test_the_editors_complete_examples_pass_the_check(site: SiteFolder, kind: str) -> None:
    from learning_resources.kinds import Kind
    from learning_resources.reference import example_document
    from learning_resources.settings import load_settings

    document = example_document(Kind(kind), load_settings(site.root))
    site.write(f"{Kind(kind).folder}/example.md", document)
    data = site.check_json("--today", "2026-11-28")
    assert data["problems"] == []


def test_every_field_example_is_valid_yaml_for_its_field(site: SiteFolder) -> None:
    import yaml

    from learning_resources.fields import FIELDS

    for spec in (s for specs in FIELDS.values() for s in specs if s.example):
        parsed = yaml.safe_load(f"{spec.name}: {spec.example}")
        assert isinstance(parsed, dict) and list(parsed) == [spec.name], spec.name
