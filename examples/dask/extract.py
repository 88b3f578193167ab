#!/usr/bin/env python3
"""vnie over a JSON Lines corpus on a Dask cluster (docs/scaling.md).

The input — one {"id", "text", "date"?} object a line, as `vnie extract
--input jsonl` reads — is split into a dask.bag of partitions of about
--partition-mb megabytes (whole lines). Each partition is extracted by one
task with the Python package vnie (one Extractor per worker process) and
written as one JSON Lines part, OUT/part-00000.jsonl, part-00001.jsonl, … in
input order: `cat OUT/part-*.jsonl` is what `vnie extract --input jsonl
INPUT` prints for the same lines (error lines aside: their "input" names the
partition's line, "<items>:N").

    # a local cluster of 2 worker processes (the default)
    PYTHONPATH=build/python python3 examples/dask/extract.py docs.jsonl -o out/
    # a running cluster (dask-scheduler + dask-worker on each node, vnie installed
    # there); OUT must then be a path every worker can write (a shared disk, or
    # s3://, hdfs:// through fsspec)
    python3 examples/dask/extract.py 'hdfs:///news/*.jsonl' -o hdfs:///news-vnie \
        --scheduler tcp://head:8786
    # the same partitions in this one process, no Dask scheduler (the baseline)
    python3 examples/dask/extract.py docs.jsonl -o out/ --single-process

A task that dies with its worker (killed, out of memory) is run again by Dask
on another worker and rewrites its whole part, so no document is lost or
written twice. It prints the throughput (documents, MB, docs/s, MB/s) as one line.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
import types

import vnie



def _extractor(rules: tuple, default_rules: bool) -> vnie.Extractor:
    """One Extractor per worker process and rule set, built on first use.

    Kept in a module registered in sys.modules rather than in a global of
    this file: run as a script, these functions are pickled by value and every
    task would get fresh globals (and build the rules again, 0.25 s)."""
    name = "_vnie_dask_extractors"
    cache = sys.modules.setdefault(name, types.ModuleType(name))
    extractors = cache.__dict__.setdefault("by_rules", {})
    key = (rules, default_rules)
    if key not in extractors:
        extractors[key] = vnie.Extractor(rules=list(rules), default_rules=default_rules)
    return extractors[key]


def extract_lines(lines, rules: tuple = (), default_rules: bool = True, threads: int = 1) -> list:
    """One partition: JSON Lines records in, the CLI's result lines out (one per
    non-blank line, in order). A line that is not JSON gives an error object."""
    ex = _extractor(tuple(rules), default_rules)
    records = []
    for line in lines:
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except ValueError as e:
            records.append(e)
    results = ex.extract_many((r for r in records if not isinstance(r, ValueError)),
                              threads=threads, errors="return", as_json=True)
    out = []
    for position, r in enumerate(records, 1):
        if isinstance(r, ValueError):
            out.append(json.dumps({"id": "", "error": {
                "code": "invalid_argument", "message": f"invalid JSON: {r}",
                "input": f"<items>:{position}"}}, ensure_ascii=False, separators=(",", ":")))
        else:
            out.append(next(results))
    return out


def part_name(i: int) -> str:
    return f"{i:05d}"


def clear_parts(out_dir: str) -> None:
    """Removes the parts of an earlier run (a run with more partitions would
    leave extra files)."""
    if "://" not in out_dir:
        os.makedirs(out_dir, exist_ok=True)
        for p in glob.glob(os.path.join(out_dir, "part-*.jsonl")):
            os.remove(p)


def write_parts(paths, out_dir: str, partition_mb: float = 1.0, rules: tuple = (),
                default_rules: bool = True, threads: int = 1) -> list:
    """The Dask graph: read INPUT as a bag of lines in partitions of about
    partition_mb MB, extract each, write OUT/part-NNNNN.jsonl. Returns the
    delayed writes, one per partition (compute them with a client)."""
    import dask.bag as db

    bag = db.read_text(paths, blocksize=int(partition_mb * (1 << 20)), encoding="utf-8")
    results = bag.map_partitions(extract_lines, tuple(rules), default_rules, threads)
    return results.to_textfiles(os.path.join(out_dir, "part-*.jsonl"), name_function=part_name,
                                encoding="utf-8", last_endline=True, compute=False)


def input_size(paths) -> int:
    """Bytes of the input files (local or remote, through fsspec as read_text does)."""
    from fsspec.core import get_fs_token_paths
    fs, _, expanded = get_fs_token_paths(list(paths))
    return sum(fs.size(p) for p in expanded)


def count_lines(out_dir: str) -> int:
    n = 0
    for p in glob.glob(os.path.join(out_dir, "part-*.jsonl")):
        with open(p, "rb") as f:
            n += sum(1 for _ in f)
    return n


def run_single_process(paths, out_dir: str, partition_mb: float, rules: tuple,
                       default_rules: bool, threads: int) -> None:
    """The same partitions, extracted one after the other in this process."""
    import dask
    parts = write_parts(paths, out_dir, partition_mb, rules, default_rules, threads)
    dask.compute(*parts, scheduler="synchronous")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSON Lines files (globs allowed)")
    ap.add_argument("-o", "--output", required=True, help="directory of the part-*.jsonl files")
    ap.add_argument("--scheduler", help="address of a running dask scheduler (tcp://HOST:8786); "
                    "default: a LocalCluster started here")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (2)")
    ap.add_argument("--threads", type=int, default=1,
                    help="vnie threads per task (1: one task per core, as Dask schedules)")
    ap.add_argument("--partition-mb", type=float, default=1.0, help="partition size in MB (1)")
    ap.add_argument("--rules", action="append", default=[], help="extra rule directory")
    ap.add_argument("--no-default-rules", action="store_true")
    ap.add_argument("--single-process", action="store_true",
                    help="no cluster: the same partitions one after the other in this process")
    args = ap.parse_args(argv)

    rules = tuple(os.path.abspath(r) for r in args.rules)
    default_rules = not args.no_default_rules
    clear_parts(args.output)
    size = input_size(args.inputs)
    if args.single_process:
        start = time.perf_counter()
        run_single_process(args.inputs, args.output, args.partition_mb, rules, default_rules,
                           args.threads)
        elapsed, mode = time.perf_counter() - start, "single process"
    else:
        from distributed import Client, LocalCluster
        cluster = None
        if args.scheduler:
            client = Client(args.scheduler)
            mode = f"cluster {args.scheduler}"
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            mode = f"LocalCluster, {args.workers} worker processes"
        try:
            start = time.perf_counter()
            parts = write_parts(args.inputs, args.output, args.partition_mb, rules,
                                default_rules, args.threads)
            client.gather(client.compute(parts))
            elapsed = time.perf_counter() - start
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    if "://" in args.output:  # not read back from remote storage
        print(f"vnie-dask: {size / 1e6:.2f} MB in {elapsed:.2f} s "
              f"({size / 1e6 / elapsed:.2f} MB/s; {mode})")
    else:
        docs = count_lines(args.output)
        print(f"vnie-dask: {docs} documents, {size / 1e6:.2f} MB in {elapsed:.2f} s "
              f"({docs / elapsed:.1f} docs/s, {size / 1e6 / elapsed:.2f} MB/s; {mode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
