"""Recordings of every recorder era, named by Python itself, for the replay-key era test.

For each hash-named recording under SOURCE (a llama-stack recordings folder), computes
the name every rule version of ../shared/docs/replay-keys.md would give it, with Python's
own json.dumps(sort_keys=True), round() and format(): the behaviour the app's TypeScript
reimplements. Each file is written once per version under OUT/<version>/<same folders>/
with that version's name (its response cut short: keys never read it), as if a recorder
of that era had written it. OUT/expected.jsonl then says, per written file, which
versions reproduce its name, the newest and the verdict, computed here and nowhere else.
OUT/future/ holds the inference recordings once more, named as a recorder newer than
every known rule would (today's key plus one field): no version reproduces those names.

Python 3.8+, standard library only. Never writes under SOURCE.

    python3 scripts/replay-key-eras.py SOURCE OUT [--every N]

--every N keeps every Nth recording of SOURCE (in sorted path order), for a quicker run.
"""

import argparse
import hashlib
import json
import os
import re
from urllib.parse import urlparse

# Python's own patterns (str patterns: \d and \s are Unicode-aware here, as in the recorder).
FLOAT_IN_STRING = re.compile(r"(-?\d+\.\d{4,})")
SCORE = re.compile(r"score:\s*[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?")
ATTRIBUTES = re.compile(r",?\s*attributes:\s*\{[^}]*\}")
UUID = r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}"
UUID_DOCUMENT_ID = re.compile(r"document_id:\s*" + UUID)
UUID_CITATION = re.compile(r"<\|" + UUID + r"\|>")
FILE_DOCUMENT_ID = re.compile(r"document_id:\s*file-\d+")
FILE_CITATION = re.compile(r"<\|file-\d+\|>")


def normalize_string(text, digits, file_search):
    if file_search != "none":
        text = SCORE.sub("score: __NORMALIZED__", text)
        text = ATTRIBUTES.sub("", text)
        if file_search == "file-ids":
            text = FILE_DOCUMENT_ID.sub("document_id: __NORMALIZED__", text)
            text = FILE_CITATION.sub("<|__NORMALIZED__|>", text)
        elif file_search == "uuids":
            text = UUID_DOCUMENT_ID.sub("document_id: __NORMALIZED__", text)
            text = UUID_CITATION.sub("<|__NORMALIZED__|>", text)
    return FLOAT_IN_STRING.sub(lambda m: format(float(m.group(0)), f".{digits}f"), text)


def normalize(value, digits, file_search="none", project_id=False, drop_stream_options=False, is_root=True):
    """The body normaliser: dict children are not roots, list items are (as the recorder has it)."""
    if isinstance(value, dict):
        out = {key: normalize(item, digits, file_search, project_id, False, False) for key, item in value.items()}
        if drop_stream_options:
            out.pop("stream_options", None)
        if is_root and project_id:
            for extra_key in ("extra_body", "extra_query"):
                if isinstance(out.get(extra_key), dict):
                    out[extra_key].pop("project_id", None)
        return out
    if isinstance(value, list):
        return [normalize(item, digits, file_search, project_id) for item in value]
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, str):
        return normalize_string(value, digits, file_search)
    return value


def sha256_of(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()


MODEL_LISTS_V2 = ("/api/tags", "/v1/models")
MODEL_LISTS_V3B = MODEL_LISTS_V2 + ("/v1/openai/v1/models",)


def inference_hashes(request, test_id):
    parsed = urlparse(request["url"])
    path, method, body = parsed.path, request["method"].upper(), request["body"]
    bedrock = "bedrock" in parsed.netloc

    def key(normalized_body, model_list):
        obj = {"method": method, "endpoint": path, "body": normalized_body}
        if not model_list:
            obj["test_id"] = test_id
        return sha256_of(obj)

    stripped = normalize(body, 5, drop_stream_options=bedrock)
    for extra_key in ("extra_body", "extra_query", "extra_headers"):
        stripped.pop(extra_key, None)
    return {
        "v1-raw": sha256_of({"method": method, "endpoint": path, "body": body}),
        "v2-test-id": key(body, path in MODEL_LISTS_V2),
        "v3a-floats6": key(normalize(body, 6), path in MODEL_LISTS_V2),
        "v3-floats": key(normalize(body, 5), path in MODEL_LISTS_V2),
        "v3b-openai-models": key(normalize(body, 5), path in MODEL_LISTS_V3B),
        "v4-bedrock": key(normalize(body, 5, drop_stream_options=bedrock), path in MODEL_LISTS_V3B),
        "v5a-strip-extra": key(stripped, path == "/api/tags" or path.endswith("/models")),
        "v5-project-id": key(normalize(body, 5, project_id=True, drop_stream_options=bedrock), path in MODEL_LISTS_V3B),
        "v6a-fs-score": key(normalize(body, 5, "score", True, bedrock), path in MODEL_LISTS_V3B),
        "v6b-fs-fileid": key(normalize(body, 5, "file-ids", True, bedrock), path in MODEL_LISTS_V3B),
        "v6-file-search": key(normalize(body, 5, "uuids", True, bedrock), path in MODEL_LISTS_V3B),
    }


MODELS_HASH = {
    "m1-short-sha1": "v1-raw",
    "m2-short-sha256": "v1-raw",
    "m3-full": "v2-test-id",
    "m4-floats": "v3-floats",
    "m5-openai-models": "v3b-openai-models",
    "m6-bedrock": "v4-bedrock",
    "m6a-strip-extra": "v5a-strip-extra",
    "m7-project-id": "v5-project-id",
    "m8-file-search": "v6-file-search",
}
ORDER = [
    "v1-raw", "v2-test-id", "v2a-file-ids", "v3a-floats6", "v3-floats", "v3b-openai-models", "v4-bedrock",
    "v5a-strip-extra", "v5-project-id", "v6a-fs-score", "v6b-fs-fileid", "v6-file-search",
    "m1-short-sha1", "m2-short-sha256", "m3-full", "m4-floats", "m5-openai-models", "m6-bedrock",
    "m6a-strip-extra", "m7-project-id", "m8-file-search",
    "t1-tool", "t1b-tool-test-id", "h1-rerank", "h2-project-id", "h3-file-search",
]
# A branch-only version counts only where its base does not reproduce the name.
BRANCH_BASE = {
    "v3a-floats6": "v2-test-id",
    "v5a-strip-extra": "v5-project-id",
    "v6a-fs-score": "v5-project-id",
    "v6b-fs-fileid": "v6a-fs-score",
    "m6a-strip-extra": "m7-project-id",
    "t1b-tool-test-id": "t1-tool",
}
CURRENT = {"inference": "v6-file-search", "models": "m8-file-search", "tool": "t1-tool", "http": "h3-file-search"}


def name_hashes(doc, models_file):
    """(family, {version: the hash part of the name that version gives}) or (None, {}) when out of scope."""
    request, test_id = doc["request"], doc.get("test_id")
    if models_file:
        hashes = inference_hashes(request, test_id)
        return "models", {m: hashes[v][:12] if v == "v1-raw" else hashes[v] for m, v in MODELS_HASH.items()}
    if "tool_name" in request:
        tool = {"provider": request["provider"], "tool_name": request["tool_name"], "kwargs": request["kwargs"]}
        return "tool", {"t1-tool": sha256_of(tool), "t1b-tool-test-id": sha256_of({"test_id": test_id, **tool})}
    if request.get("api") == "file_processors":
        return None, {}  # the chunking strategy is not stored: out of scope here
    if "payload" in request:
        def http(payload):
            return sha256_of({"test_id": test_id, "url": request["url"], "method": request["method"].upper(), "payload": payload})

        payload = request["payload"]
        return "http", {
            "h1-rerank": http(normalize(payload, 5)),
            "h2-project-id": http(normalize(payload, 5, project_id=True)),
            "h3-file-search": http(normalize(payload, 5, "uuids", True)),
        }
    hashes = inference_hashes(request, test_id)
    hashes["v1-raw"] = hashes["v1-raw"][:12]
    return "inference", hashes


def expectation(family, hashes, name_hash):
    matches = sorted(
        (v for v, h in hashes.items() if h == name_hash and hashes.get(BRANCH_BASE.get(v)) != name_hash),
        key=ORDER.index,
    )
    newest = matches[-1] if matches else None
    verdict = "none" if newest is None else "current" if newest == CURRENT[family] else "stale"
    return {"family": family, "matches": matches, "newest": newest, "verdict": verdict}


NAME = re.compile(r"^(models-)?([0-9a-f]{64}|[0-9a-f]{12})(-[0-9a-f]+)?\.json$")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()

    sources = []
    for root, dirs, files in os.walk(args.source):
        dirs.sort()
        sources.extend(os.path.join(root, f) for f in sorted(files) if NAME.match(f))
    sources = sources[:: args.every]

    expected = {}
    for source in sources:
        relative_dir = os.path.dirname(os.path.relpath(source, args.source))
        name = NAME.match(os.path.basename(source))
        try:
            with open(source, encoding="utf-8") as handle:
                doc = json.load(handle)
            family, hashes = name_hashes(doc, name.group(1) is not None)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # not a recording whose request this script understands: the app's own tests cover those
        if family is None:
            continue
        doc["response"] = {"body": {"__type__": "era.Cut", "__data__": {"note": "response cut: keys never read it"}}, "is_streaming": False}
        if family == "inference" and name.group(2) and len(name.group(2)) == 64:
            # A recorder newer than these rules: today's key object plus one more field.
            parsed = urlparse(doc["request"]["url"])
            future = {"method": doc["request"]["method"].upper(), "endpoint": parsed.path, "test_id": doc.get("test_id"), "recorder": "future"}
            future["body"] = normalize(doc["request"]["body"], 5, "uuids", True, "bedrock" in parsed.netloc)
            hashes_with_future = {**hashes, "future": sha256_of(future)}
        else:
            hashes_with_future = hashes
        for version, name_hash in hashes_with_future.items():
            file_name = f"models-{name_hash}{name.group(3) or '-00000000'}.json" if family == "models" else f"{name_hash}.json"
            relative = "/".join(part for part in (version, relative_dir.replace(os.sep, "/"), file_name) if part)
            target = os.path.join(args.out, *relative.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                json.dump(doc, handle, indent=2)
            # Two recordings can share a name in one era (same request then); the last one written is on disk.
            expected[relative] = {"path": relative, **expectation(family, hashes, name_hash)}

    with open(os.path.join(args.out, "expected.jsonl"), "w", encoding="utf-8") as handle:
        for line in expected.values():
            handle.write(json.dumps(line) + "\n")
    print(f"{len(expected)} files in {len(set(p.split('/')[0] for p in expected))} eras")


if __name__ == "__main__":
    main()
