"""examples/dask/extract.py on a distributed.LocalCluster of 2 worker processes:
the merged parts equal `vnie extract --input jsonl`, also when a worker is
killed in the middle of the run (docs/scaling.md)."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import SOURCE_DIR, dantri_lines, run_cli

pytest.importorskip("dask.bag", reason="python3-dask is not installed")
distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed")

EXAMPLE_DIR = SOURCE_DIR / "examples" / "dask"
EXAMPLE = EXAMPLE_DIR / "extract.py"
TIMEOUT = 240  # seconds, for one run of the example or one cluster computation


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def corpus_records(corpus_files, rounds=1):
    return [{"id": f"{p.name}#{k}", "text": p.read_text(encoding="utf-8"),
             **({"date": "2021-01-15"} if i % 3 == 0 else {})}
            for k in range(rounds) for i, p in enumerate(corpus_files)]


def merged_parts(out_dir):
    parts = sorted(out_dir.glob("part-*.jsonl"))
    return parts, [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]


def check_same_as_cli(cli, input_path, out_dir, n_records):
    expected = run_cli(cli, "extract", "--input", "jsonl", str(input_path)).decode().splitlines()
    parts, got = merged_parts(out_dir)
    assert len(expected) == n_records
    assert len(got) == n_records, "a document was lost or written twice"
    by_id = lambda lines: sorted(lines, key=lambda line: json.loads(line)["id"])
    assert by_id(got) == by_id(expected)
    assert got == expected  # the parts are in input order, too
    assert not any('"error":{' in line for line in got)
    return parts


def run_example(input_path, out_dir, partition_mb):
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, str(EXAMPLE), str(input_path), "-o", str(out_dir),
                           "--workers", "2", "--partition-mb", str(partition_mb)],
                          cwd=SOURCE_DIR, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = [line for line in proc.stdout.splitlines() if line.startswith("vnie-dask:")]
    assert len(summary) == 1, proc.stdout
    return summary[0]


def test_dask_corpus_equals_cli(cli, corpus_files, tmp_path):
    records = corpus_records(corpus_files)
    write_jsonl(tmp_path / "corpus.jsonl", records)
    summary = run_example(tmp_path / "corpus.jsonl", tmp_path / "out", partition_mb=0.01)
    parts = check_same_as_cli(cli, tmp_path / "corpus.jsonl", tmp_path / "out", len(records))
    assert len(parts) >= 3
    assert f"vnie-dask: {len(records)} documents" in summary and "docs/s" in summary
    # a second run into the same directory replaces the parts, adds none
    run_example(tmp_path / "corpus.jsonl", tmp_path / "out", partition_mb=0.03)
    check_same_as_cli(cli, tmp_path / "corpus.jsonl", tmp_path / "out", len(records))


def test_dask_two_megabytes_of_dantri(cli, tmp_path):
    lines = dantri_lines(2 << 20)
    records = [{"id": f"dantri:{i + 1}", "text": t} for i, t in enumerate(lines)]
    write_jsonl(tmp_path / "dantri.jsonl", records)
    summary = run_example(tmp_path / "dantri.jsonl", tmp_path / "out", partition_mb=0.5)
    parts = check_same_as_cli(cli, tmp_path / "dantri.jsonl", tmp_path / "out", len(records))
    assert len(parts) >= 4
    print(summary)


def test_dask_worker_killed_mid_run(cli, corpus_files, tmp_path, monkeypatch):
    """SIGKILL to a worker process while it runs a partition: Dask runs the
    partition again elsewhere; every document is written exactly once."""
    # The worker processes, spawned from this one, get its sys.path, and so
    # import the example module by name as this process does.
    monkeypatch.syspath_prepend(str(EXAMPLE_DIR))
    import extract as example

    records = corpus_records(corpus_files, rounds=12)  # about 0.7 MB
    write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out"
    example.clear_parts(str(out))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        futures = client.compute(example.write_parts([str(tmp_path / "in.jsonl")], str(out),
                                                     partition_mb=0.03))
        assert len(futures) >= 10
        pids = client.run(os.getpid)
        deadline = time.monotonic() + 120
        victim = None
        while victim is None:
            assert time.monotonic() < deadline, "no partition finished in time"
            busy = [w for w, tasks in client.processing().items() if tasks]
            if any(f.done() for f in futures) and busy:
                victim = busy[0]
            else:
                time.sleep(0.02)
        done_at_kill = sum(f.done() for f in futures)
        os.kill(pids[victim], signal.SIGKILL)
        distributed.wait(futures, timeout=TIMEOUT)
        assert all(f.status == "finished" for f in futures), [f.status for f in futures]
        assert done_at_kill < len(futures), "the worker was killed after the run"
        # the nanny started a new worker process in place of the killed one
        deadline = time.monotonic() + 60
        while pids[victim] in client.run(os.getpid).values() or \
                len(client.scheduler_info()["workers"]) < 2:
            assert time.monotonic() < deadline, "the killed worker was not replaced"
            time.sleep(0.2)
    check_same_as_cli(cli, tmp_path / "in.jsonl", out, len(records))
