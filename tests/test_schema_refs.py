"""A schema never reaches the network or a file outside its own folder (schema_refs.py, read/header_schema.py).

A local HTTP listener stands in for the network: every command is run with schemas whose references lead to it
by every road JSON Schema has, and the listener must hear nothing. The listener is this test's own, on 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CliResult
from tests.test_hostile import deadline

Cli = Callable[..., CliResult]
SECONDS = 60


class Listener:
    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            timeout = 5  # a connection left open cannot hold the thread

            def do_GET(self) -> None:
                hits.append(self.path)
                body = json.dumps({"type": "string"}).encode()  # a valid schema: fetching it would "work"
                self.send_response(200)
                self.send_header("Content-Type", "application/schema+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)


@pytest.fixture
def listener() -> Iterator[Listener]:
    served = Listener()
    served.thread.start()
    try:
        yield served
    finally:
        served.server.shutdown()
        served.server.server_close()
        served.thread.join(timeout=5)


def base_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "x-listkit": {"name": "tiny-list"},
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "title": "事项名称", "x-role": "name", "x-identity": True},
            "code": {"type": "string", "title": "事项编码", "x-role": "code", "pattern": "^[A-Z]{2}[0-9]{3}$"},
            "remark": {"type": "string", "title": "备注", "x-role": "remark"},
        },
    }


def hostile_schemas(url: str) -> dict[str, dict[str, Any]]:
    """Schemas whose references lead out, each by another road."""

    def with_remark(spec: dict[str, Any], **top: Any) -> dict[str, Any]:
        schema = base_schema()
        schema["properties"]["remark"] = spec
        schema.update(top)
        return schema

    unused = base_schema()
    unused["$defs"] = {"far": {"$ref": f"{url}/unused-defs"}}
    return {
        "ref-in-properties": with_remark({"$ref": f"{url}/property"}),
        "ref-in-defs": with_remark({"$ref": "#/$defs/far"}, **{"$defs": {"far": {"$ref": f"{url}/defs"}}}),
        "ref-in-unused-defs": unused,
        "ref-with-fragment": with_remark({"$ref": f"{url}/fragment.json#/$defs/x"}),
        "meta-schema": {**base_schema(), "$schema": f"{url}/meta"},
        "meta-schema-in-subschema": with_remark({"$schema": f"{url}/sub-meta", "type": "string"}),
        "dynamic-ref": with_remark({"$dynamicRef": f"{url}/dynamic#meta"}),
        "id-then-relative-ref": with_remark({"$id": f"{url}/base/", "$ref": "next.json"}),
        "file-passwd": with_remark({"$ref": "file:///etc/passwd"}),
        "file-escape": with_remark({"$ref": "../../../../../../../../etc/passwd"}),
        "absolute-path": with_remark({"$ref": "/etc/passwd"}),
    }


def write_inputs(folder: Path) -> tuple[Path, Path]:
    """A small list with one record failing the schema (so jsonschema's detail pass runs too)."""
    data = folder / "list.jsonl"
    records = [{"name": "甲事项", "code": "AB123"}, {"name": "乙事项", "code": "bad code", "remark": "x"}]
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return data, folder / "out"


def commands(data: Path, out: Path, schema: str) -> list[list[str]]:
    return [
        ["validate", str(data), "--schema", schema],
        ["validate", str(data), "--schema", schema, "--format", "json"],
        ["import", str(data), "--schema", schema, "-o", str(out.with_suffix(".jsonl"))],
        ["stats", str(data), "--schema", schema],
        ["diff", str(data), str(data), "--schema", schema],
        ["export", str(data), "--schema", schema, "-o", str(out.with_suffix(".xlsx"))],
        ["schema", "show", schema],
    ]


def test_the_listener_hears_a_request(listener: Listener) -> None:
    # Proof that the tests below would see a request if one were made.
    with urllib.request.urlopen(f"{listener.url}/probe", timeout=5) as response:
        assert json.loads(response.read()) == {"type": "string"}
    assert listener.hits == ["/probe"]


def test_a_plain_schema_works_with_every_command(cli: Cli, tmp_path: Path) -> None:
    data, out = write_inputs(tmp_path)
    schema = tmp_path / "tiny.schema.json"
    schema.write_text(json.dumps(base_schema(), ensure_ascii=False), encoding="utf-8")
    for argv in commands(data, out, str(schema)):
        result = cli(*argv)
        assert result.code in (0, 1), (argv, result.err)


def test_no_command_follows_a_reference_out(cli: Cli, tmp_path: Path, listener: Listener) -> None:
    data, out = write_inputs(tmp_path)
    failures = []
    for name, document in hostile_schemas(listener.url).items():
        folder = tmp_path / name
        folder.mkdir()
        schema = folder / f"{name}.schema.json"
        schema.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        for argv in commands(data, out, str(schema)):
            with deadline(SECONDS, f"{name}: {argv[0]}"):
                result = cli(*argv)
            if result.code != 2 or "Traceback" in result.err or "模式" not in result.err:
                failures.append(f"{name} · {' '.join(argv[:2])}: exit {result.code} {result.err.strip()[:200]}")
    assert listener.hits == []
    assert not failures, "\n".join(failures)


def test_a_refused_reference_is_named(cli: Cli, tmp_path: Path, listener: Listener) -> None:
    data, _out = write_inputs(tmp_path)
    for name in ("ref-in-properties", "file-passwd", "dynamic-ref"):
        schema = tmp_path / f"{name}.schema.json"
        document = hostile_schemas(listener.url)[name]
        schema.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        result = cli("validate", data, "--schema", schema, "--lang", "en")
        assert result.code == 2 and "refused" in result.err and str(schema) in result.err, result.err
    passwd = cli("validate", data, "--schema", tmp_path / "file-passwd.schema.json")
    assert "file:///etc/passwd" in passwd.err and "root:" not in passwd.err
    assert listener.hits == []


def test_a_reference_inside_the_schema_folder_is_followed(cli: Cli, tmp_path: Path) -> None:
    data, _out = write_inputs(tmp_path)
    folder = tmp_path / "schemas"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "code.json").write_text(json.dumps({"type": "string", "pattern": "^[A-Z]{2}[0-9]{3}$"}))
    document = base_schema()
    document["properties"]["code"] = {"title": "事项编码", "x-role": "code", "$ref": "parts/code.json"}
    document["properties"]["remark"] = {"title": "备注", "$ref": "urn:listkit:schema:power-list#/properties/remark"}
    schema = folder / "tiny.schema.json"
    schema.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = cli("validate", data, "--schema", schema, "--format", "json")
    assert result.code == 1, result.err
    findings = json.loads(result.out)["findings"]
    # The pattern of parts/code.json, reached through the $ref:
    assert [f["rule"] for f in findings if f["severity"] == "error"] == ["code-format"]


def test_a_symlink_out_of_the_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    data, _out = write_inputs(tmp_path)
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"type": "string"}))
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "inner.json").symlink_to(outside)
    document = base_schema()
    document["properties"]["remark"] = {"$ref": "inner.json"}
    schema = folder / "tiny.schema.json"
    schema.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = cli("validate", data, "--schema", schema)
    assert result.code == 2 and "inner.json" in result.err


def _header_list(folder: Path, schema: str) -> Path:
    path = folder / "headed.jsonl"
    lines = [{"listkit": {"format": "listkit-canonical", "version": 1, "schema": schema}}, {"name": "甲事项"}]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "stats", "import", "diff", "export"])
def test_a_header_names_only_a_schema_beside_its_file(
    cli: Cli, tmp_path: Path, listener: Listener, command: str
) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    elsewhere = tmp_path / "elsewhere.schema.json"
    elsewhere.write_text(json.dumps(base_schema(), ensure_ascii=False), encoding="utf-8")
    (lists / "tiny.schema.json").write_text(json.dumps(base_schema(), ensure_ascii=False), encoding="utf-8")
    remote = hostile_schemas(listener.url)["ref-in-properties"]
    (lists / "remote.schema.json").write_text(json.dumps(remote, ensure_ascii=False), encoding="utf-8")

    def run(schema: str) -> CliResult:
        path = _header_list(lists, schema)
        argv = {
            "validate": ["validate", path],
            "stats": ["stats", path],
            "import": ["import", path, "-o", tmp_path / "out.jsonl"],
            "diff": ["diff", path, path],
            "export": ["export", path, "-o", tmp_path / "out.xlsx"],
        }[command]
        with deadline(SECONDS, f"{command} {schema}"):
            return cli(*argv)

    assert run("tiny.schema.json").code in (0, 1)  # beside the list, by a relative name
    assert run(str(lists / "tiny.schema.json")).code in (0, 1)
    for outside in ("/etc/passwd", str(elsewhere), "../elsewhere.schema.json", "file:///etc/passwd"):
        result = run(outside)
        assert result.code == 2 and "Traceback" not in result.err, (outside, result.err)
        assert "headed.jsonl" in result.err or outside in result.err, result.err
    refused = run("remote.schema.json")
    assert refused.code == 2 and f"{listener.url}/property" in refused.err
    assert run(f"{listener.url}/header.schema.json").code == 2
    assert listener.hits == []
    # The user may still name such a schema themselves.
    assert cli("validate", _header_list(lists, "/etc/passwd"), "--schema", elsewhere).code in (0, 1)
