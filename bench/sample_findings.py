"""Draw a random sample of findings from a real corpus, with context, for judging precision.

    python bench/sample_findings.py ../shared/corpus/bbc ../shared/corpus/reuters \
        --rules AT1 --n 80 --seed 7 > /tmp/sample.md

Each entry shows the finding and its sentence; judge each as a true or false alarm and
record the estimate in docs/accuracy.md. The corpus text is for measuring only: never
commit the samples.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from attrlint.config import Config, ConfigFinder, resolve_rule
from attrlint.engine import iter_files, lint_file
from attrlint.finding import FileError


def main() -> None:
    """Print the sample as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--rules", default="all")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--context", action="store_true",
                        help="also print the whole paragraph around each finding")
    args = parser.parse_args()
    names = [r.NAME for token in args.rules.split(",") for r in resolve_rule(token)]
    finder = ConfigFinder(Config().with_overrides(select=names))
    errors: list[FileError] = []
    pool = []
    files = 0
    for path in iter_files(args.paths, finder, errors):
        result = lint_file(path, finder)
        files += 1
        if result.doc is None:
            continue
        analysis = result.doc.analysis
        for finding in result.findings:
            if finding.severity == "info":
                continue
            sentence = paragraph = ""
            for s in analysis.sentences:
                a, b = result.doc.source_span(s.start, s.end)
                if a <= finding.start < b:
                    sentence = " ".join(result.doc.source[a:b].split())
                    block = result.doc.blocks[s.block]
                    a, b = result.doc.source_span(block.start, block.end)
                    paragraph = " ".join(result.doc.source[a:b].split())
                    break
            pool.append((finding, sentence, paragraph))
    counts = Counter(f.rule for f, _, _ in pool)
    print(f"# {len(pool)} findings in {files} files: {dict(counts)}\n")
    random.Random(args.seed).shuffle(pool)
    for i, (finding, sentence, paragraph) in enumerate(pool[:args.n], 1):
        print(f"{i}. [{finding.rule}] `{finding.text}` ({finding.path}:{finding.line})\n"
              f"   > {sentence}\n")
        if args.context and paragraph != sentence:
            print(f"   paragraph: {paragraph}\n")


if __name__ == "__main__":
    main()
