"""Atomic JSONL reading and writing, and append-only caches that survive an interrupted build."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List


def read(path: Path) -> List[Dict[str, Any]]:
    return list(iter_records(path))


def iter_records(path: Path) -> Iterator[Dict[str, Any]]:
    """Records of a JSONL file; a torn last line (from a killed append) is skipped, any other bad
    line is an error naming the file and the line."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as handle:
        lines = handle.readlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            if number == len(lines) and not line.endswith("\n"):
                return
            raise ValueError(f"{path}:{number}: bad JSON line ({error.msg})") from None


def read_cache(path: Path) -> List[Dict[str, Any]]:
    """Records of an append-only cache, first cutting off a line torn by a killed run, so that
    later appends start on a fresh line."""
    if path.exists():
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            with open(path, "r+b") as handle:
                handle.truncate(data.rfind(b"\n") + 1)
    return read(path)


def write(path: Path, records: Iterable[Dict[str, Any]]) -> int:
    """Write all records to a temporary file, then rename it over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    count = 0
    with open(temporary, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
    return count


def append(path: Path, record: Dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
