"""Throughput and start-up latency. Not a test: prints numbers for docs/benchmarks.md.

    python bench/throughput.py [DIR] [--rules all]

DIR defaults to ../shared/corpus/bbc when present, else a generated corpus of drafts.
Prints MB/s over the whole directory (one process, every file read, parsed and linted,
findings formatted as JSON), per-file latency percentiles, and the wall time of one
`python -m attrlint` run on a single ordinary article, interpreter start included.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from attrlint.config import Config, ConfigFinder
from attrlint.engine import iter_files, lint_file
from attrlint.finding import FileError
from attrlint.report import json as json_report

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
WORDS = (
    "council", "officials", "said", "the", "bridge", "would", "close", "for", "repairs",
    "costing", "about", "million", "according", "to", "county", "report", "experts", "say",
)


def generated_corpus(folder: Path, files: int = 400) -> Path:
    """Write drafts of random words and figures (used when the shared corpus is absent)."""
    rng = random.Random(7)
    for i in range(files):
        paragraphs = []
        for _ in range(12):
            words = [rng.choice(WORDS) for _ in range(40)]
            words.insert(rng.randrange(40), f"{rng.randint(2, 9000):,}")
            paragraphs.append(" ".join(words).capitalize() + ".")
        (folder / f"draft{i:04}.txt").write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    return folder


def throughput(root: str, rules: str) -> None:
    """Lint every file under root in this process and print MB/s and latencies."""
    finder = ConfigFinder(Config().with_overrides(select=rules.split(",")))
    errors: list[FileError] = []
    paths = list(iter_files([root], finder, errors))
    total = sum(os.path.getsize(p) for p in paths)
    latencies = []
    findings = 0
    sink = io.StringIO()
    start = time.perf_counter()
    for path in paths:
        t0 = time.perf_counter()
        result = lint_file(path, finder)
        json_report.report(result.findings, [], sink)
        latencies.append(time.perf_counter() - t0)
        findings += len(result.findings)
    wall = time.perf_counter() - start
    latencies.sort()
    print(f"files: {len(paths)}  bytes: {total:,}  findings: {findings:,}  rules: {rules}")
    print(f"wall: {wall:.2f} s  throughput: {total / wall / 1e6:.2f} MB/s")
    print(f"per file: median {statistics.median(latencies) * 1e3:.2f} ms  "
          f"p95 {latencies[int(len(latencies) * 0.95)] * 1e3:.2f} ms  "
          f"max {latencies[-1] * 1e3:.2f} ms")


def startup(sample: str, runs: int = 10) -> None:
    """Median wall time of `python -m attrlint FILE --format json`, interpreter start included."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "attrlint", "--format", "json", sample],
                       stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    print(f"single article ({os.path.getsize(sample):,} bytes), wall incl. interpreter start: "
          f"median {statistics.median(times) * 1e3:.0f} ms over {runs} runs")


def long_document(paragraphs: int = 5000) -> None:
    """The repeated-content rules on one very long draft, at the default and a loose threshold."""
    from attrlint import lint_text

    rng = random.Random(3)
    syllables = ["ka", "lo", "mi", "sun", "ter", "va", "del", "ro", "pen", "ast", "ul", "bri"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(3000)})
    body = []
    for i in range(paragraphs):
        words = [rng.choice(vocabulary) for _ in range(30)] + [f"item{i}"]
        body.append(" ".join(words).capitalize() + ".")
        if i % 50 == 0:
            body.append(body[-1].replace("item", "entry"))  # a near-duplicate
    text = "\n\n".join(body)
    for threshold in (0.85, 0.6):
        config = Config().with_overrides(select=["AT3"])
        if threshold != 0.85:
            from attrlint.config import parse

            config = parse({"select": ["AT3"], "rules": {
                "near-duplicate-paragraph": {"threshold": threshold}}}, "<bench>")
        t0 = time.perf_counter()
        found = lint_text(text, "long.md", config)
        print(f"long draft ({len(body):,} paragraphs, {len(text) / 1e6:.1f} MB), AT3, threshold "
              f"{threshold}: {time.perf_counter() - t0:.2f} s, {len(found)} findings")


def reading_share(root: str) -> None:
    """How much of the lint time reading and segmenting take, each draft as Markdown.

    Each plain-text file becomes a Markdown draft (its first line a '# ' headline) in memory;
    CPU time is split into reading (parsing the Markdown), sentence segmentation, and the
    rest of the lint.
    """
    from attrlint.engine import lint_document
    from attrlint.formats import read_bytes

    config = Config()
    drafts = []
    for path in sorted(Path(root).rglob("*.txt")):
        head, _, body = path.read_bytes().decode("utf-8", "replace").partition("\n")
        drafts.append(f"# {head}\n{body}".encode())
    reading = segmenting = total = 0.0
    for i, data in enumerate(drafts):
        t0 = time.process_time()
        doc, _ = read_bytes(f"draft{i}.md", data, "markdown")
        t1 = time.process_time()
        doc.analysis.sentences  # noqa: B018 - computed here to time it
        t2 = time.process_time()
        lint_document(doc, config)
        t3 = time.process_time()
        reading += t1 - t0
        segmenting += t2 - t1
        total += t3 - t0
    size = sum(map(len, drafts))
    print(f"markdown: reading {reading:.2f} s + segmenting {segmenting:.2f} s of {total:.2f} s "
          f"({(reading + segmenting) / total:.0%}); {size / total / 1e6:.2f} MB/s in one process")


def cli(root: str, runs: int = 3) -> None:
    """Wall time of the command a user runs on the directory (worker processes included)."""
    size = sum(p.stat().st_size for p in Path(root).rglob("*.txt"))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "attrlint", root, "--format", "json",
                        "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - t0)
    best = min(times)
    print(f"cli: attrlint DIR --format json, {os.cpu_count()} CPUs: best of {runs} "
          f"{best:.2f} s wall, {size / best / 1e6:.2f} MB/s")


def rule_costs(root: str) -> None:
    """CPU time of each family of rules on top of reading, in one process."""
    from attrlint.engine import lint_document
    from attrlint.formats import read_bytes

    paths = sorted(Path(root).rglob("*.txt"))
    data = [p.read_bytes() for p in paths]
    for label, select in (("repeated content (AT3)", ["AT3"]),
                          ("AT3 + vague sourcing (AT2)", ["AT2", "AT3"]),
                          ("AT3 + uncited numbers (AT1)", ["AT1", "AT3"]),
                          ("all rules", ["all"])):
        config = Config().with_overrides(select=select)
        t0 = time.process_time()
        for path, raw in zip(paths, data, strict=True):
            doc, _ = read_bytes(str(path), raw, "text")
            lint_document(doc, config)
        cost = time.process_time() - t0
        print(f"{label:30} {cost:.2f} s CPU, {sum(map(len, data)) / cost / 1e6:.2f} MB/s")


def main() -> None:
    """Run both measurements."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", nargs="?")
    parser.add_argument("--rules", default="all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.root or (str(SHARED) if SHARED.is_dir() else str(generated_corpus(Path(tmp))))
        throughput(root, args.rules)
        rule_costs(root)
        reading_share(root)
        cli(root)
        long_document()
        sample = next(iter(sorted(Path(root).rglob("*.txt"))), None)
        if sample is not None:
            startup(str(sample))


if __name__ == "__main__":
    main()
