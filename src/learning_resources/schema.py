"""JSON Schema of each document kind's front matter, generated from the field declarations.

Editors' tools (e.g. VS Code's YAML extension) can use it to complete and check fields as
they type; `build.py schema` prints it.
"""

from __future__ import annotations

from typing import Any

from .fields import FIELDS, ICON_NAME, MAX_MESSAGE_LENGTH, MAX_MESSAGES, FieldSpec, FieldType
from .kinds import Kind
from .settings import Settings


def json_schema(kind: Kind, settings: Settings) -> dict[str, Any]:
    specs = FIELDS[kind]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Front matter of a {kind.label.lower()}",
        "type": "object",
        "properties": {spec.name: _property(spec, settings) for spec in specs},
        "required": [spec.name for spec in specs if spec.required],
        "additionalProperties": False,
    }


def _property(spec: FieldSpec, settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.description}
    vocabulary = list(settings.vocabulary(spec.vocabulary)) if spec.vocabulary else []
    match spec.type:
        case FieldType.TEXT:
            out.update(type="string", minLength=1)
        case FieldType.LONG_TEXT:
            out.update(type="string", minLength=1, maxLength=settings.summary_max_length)
        case FieldType.DATE:
            out.update(type="string", pattern=r"^\d{4}-\d{2}-\d{2}$", format="date")
        case FieldType.BOOL:
            out.update(type="boolean")
        case FieldType.CHOICE:
            out.update(type="string", enum=vocabulary)
        case FieldType.CHOICES:
            out.update(
                type="array",
                items={"enum": vocabulary},
                uniqueItems=True,
                minItems=1 if spec.required else 0,
            )
        case FieldType.CASE:
            out.update(type="string", pattern="^[A-Z]{1,2}$")
        case FieldType.FILE:
            out.update(type="string", pattern=r"^[^/\\]+(/[^/\\]+)*\.pdf$")
        case FieldType.EXTENSION:
            out.update(
                type="object",
                properties={
                    "until": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "reason": {"type": "string", "minLength": 1},
                },
                required=["until", "reason"],
                additionalProperties=False,
            )
        case FieldType.TEXT_LIST:
            out.update(type="array", items={"type": "string", "minLength": 1})
        case FieldType.MESSAGES:
            out.update(
                type="array",
                maxItems=MAX_MESSAGES,
                items={"type": "string", "minLength": 1, "maxLength": MAX_MESSAGE_LENGTH},
            )
        case FieldType.CASE_LIST:
            out.update(type="array", items={"type": "string", "pattern": "^[A-Z]{1,2}$"})
        case FieldType.WAIVERS:
            out.update(
                type="array",
                items={
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "minLength": 1},
                        "reason": {"type": "string", "minLength": 1},
                        "rule": {"type": "string", "pattern": "^anon\\."},
                    },
                    "required": ["text", "reason"],
                    "additionalProperties": False,
                },
            )
        case FieldType.ICON:
            out.update(type="string", pattern=ICON_NAME)
        case FieldType.SETTINGS:
            out.update(type="object")
        case FieldType.ANY:
            pass
    return out
