"""The API reference page, read from the OpenAPI schema itself, so it cannot drift from it."""

from dataclasses import dataclass, field

REF_PREFIX = "#/components/schemas/"


@dataclass
class Parameter:
    name: str
    location: str
    required: bool
    type: str
    description: str


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Parameter]
    responses: list[tuple[str, str]]
    example: str = ""  # a link to try, for operations without path parameters

    @property
    def anchor(self) -> str:
        return "op-" + "".join(ch if ch.isalnum() else "-" for ch in self.path).strip("-")


@dataclass
class Property:
    name: str
    type: str
    required: bool
    description: str


@dataclass
class Model:
    name: str
    properties: list[Property] = field(default_factory=list)


def type_of(schema: dict) -> str:
    """A short readable type: 'tekst', 'lijst van Stad', 'geheel getal of leeg'."""
    if "$ref" in schema:
        return schema["$ref"].removeprefix(REF_PREFIX)
    if "anyOf" in schema:
        kinds = [type_of(option) for option in schema["anyOf"] if option.get("type") != "null"]
        nullable = any(option.get("type") == "null" for option in schema["anyOf"])
        return " of ".join(kinds) + (" of leeg" if nullable else "")
    kind = schema.get("type")
    if kind == "array":
        return f"lijst van {type_of(schema.get('items', {}))}" + _array_limits(schema)
    label = TYPE_NAMES.get((kind, schema.get("format")), TYPE_NAMES.get((kind, None), "waarde"))
    return label + _number_limits(schema)


TYPE_NAMES = {
    ("string", None): "tekst",
    ("string", "date"): "datum",
    ("integer", None): "geheel getal",
    ("boolean", None): "true/false",
    ("object", None): "object",
    ("number", None): "getal",
}


def _number_limits(schema: dict) -> str:
    limits = []
    if "minimum" in schema:
        limits.append(f"minstens {schema['minimum']}")
    if "maximum" in schema:
        limits.append(f"hoogstens {schema['maximum']}")
    if "maxLength" in schema:
        limits.append(f"hoogstens {schema['maxLength']} tekens")
    return f" ({', '.join(limits)})" if limits else ""


def _array_limits(schema: dict) -> str:
    low, high = schema.get("minItems"), schema.get("maxItems")
    if low is not None and high is not None:
        return (
            f" ({low} tot {high}, elk één keer)"
            if schema.get("uniqueItems")
            else f" ({low}–{high})"
        )
    return ""


def operations(schema: dict) -> list[Operation]:
    found = []
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            parameters = [
                Parameter(
                    p["name"],
                    p["in"],
                    p.get("required", False),
                    type_of(p.get("schema", {})),
                    p.get("description") or p.get("schema", {}).get("description", ""),
                )
                for p in spec.get("parameters", [])
            ]
            responses = [
                (status, type_of(body["content"]["application/json"]["schema"]))
                for status, body in spec["responses"].items()
                if "content" in body
            ]
            example = path if not any(p.location == "path" for p in parameters) else ""
            if any(p.required for p in parameters):
                example = ""
            found.append(
                Operation(
                    method.upper(),
                    path,
                    spec.get("summary", ""),
                    spec.get("description", ""),
                    parameters,
                    responses,
                    example,
                )
            )
    return found


def models(schema: dict) -> list[Model]:
    found = []
    for name, spec in schema.get("components", {}).get("schemas", {}).items():
        required = set(spec.get("required", []))
        found.append(
            Model(
                name,
                [
                    Property(prop, type_of(body), prop in required, body.get("description", ""))
                    for prop, body in spec.get("properties", {}).items()
                ],
            )
        )
    return sorted(found, key=lambda model: model.name)
