"""The command line: ``main(argv) -> int``; only :func:`run` exits.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage, configuration
or file errors (every other file is still linted).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from attrlint import __version__
from attrlint.config import ConfigError, ConfigFinder, all_rules, load_file, resolve_rule
from attrlint.engine import (
    FileResult,
    LintOptions,
    default_jobs,
    iter_files,
    lint_file,
    lint_parallel,
)
from attrlint.finding import FileError, Finding, severity_rank
from attrlint.report import FORMATS, default_format

_PROGRESS_MIN_FILES = 20


def _split(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="attrlint",
        description="Lint news drafts for uncited numbers, vague sourcing and repeated content.",
        epilog="Also: `attrlint rules` lists the rules; `attrlint explain RULE` documents one.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories to lint ('-' reads standard input)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: text, or github under GitHub Actions)")
    parser.add_argument("--select", action="append", metavar="RULES",
                        help="only these rules (names or codes, prefixes allowed, comma-separated)")
    parser.add_argument("--ignore", action="append", metavar="RULES",
                        help="skip these rules (names or codes, prefixes allowed)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                        help="lowest severity that makes the exit code 1 (default: warning)")
    parser.add_argument("--config", metavar="FILE",
                        help="use this config file instead of searching for one")
    parser.add_argument("--fix", action="store_true",
                        help="remove exact repeated paragraphs (the first copy stays)")
    parser.add_argument("--diff", action="store_true",
                        help="show what --fix would change, without writing")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="name (and so format) of the draft read from standard input")
    parser.add_argument("--require-reasons", action="store_true",
                        help="report suppression directives that give no reason after '--'")
    parser.add_argument("--report-unused-directives", action="store_true",
                        help="report suppression directives that silence nothing")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                        help="worker processes (default: one per CPU when linting 64 files or "
                             "more, else 1)")
    parser.add_argument("--version", action="version", version=f"attrlint {__version__}")
    return parser


def _rules_command(out: TextIO) -> int:
    width = max(len(r.NAME) for r in all_rules())
    for rule in all_rules():
        summary = (rule.__doc__ or "").strip().splitlines()[0]
        out.write(f"{rule.CODE}  {rule.NAME:<{width}}  {rule.SEVERITY:<7}  {summary}\n")
    return 0


def _explain_command(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    if len(args) != 1:
        err.write("usage: attrlint explain RULE\n")
        return 2
    try:
        rules = resolve_rule(args[0])
    except ConfigError as exc:
        err.write(f"attrlint: {exc}\n")
        return 2
    for rule in rules:
        out.write(f"{rule.CODE} {rule.NAME} (default severity: {rule.SEVERITY})\n\n")
        out.write((rule.__doc__ or "").strip() + "\n\n")
    return 0


def _lint_all(args: argparse.Namespace, finder: ConfigFinder, options: LintOptions,
              show_progress: bool) -> list[FileResult]:
    errors: list[FileError] = []
    files = list(iter_files(args.paths, finder, errors))
    results = [FileResult(e.path, error=e) for e in errors]
    jobs = args.jobs or default_jobs(len(files))
    stream: Iterator[FileResult]
    if jobs > 1 and not (args.fix or args.diff) and "-" not in files:
        stream = lint_parallel(files, jobs, args.config, finder.overrides, options)
    else:
        keep = bool(args.fix or args.diff)  # only fixing needs each parsed document afterwards
        stream = (result if keep else result.light(options.keep_source) for result in (
            lint_file(path, finder, options, stdin_filename=args.stdin_filename,
                      read_stdin=sys.stdin.buffer.read) for path in files))
    if show_progress and len(files) >= _PROGRESS_MIN_FILES:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("linting", total=len(files))
            for result in stream:
                results.append(result)
                progress.advance(task)
    else:
        results.extend(stream)
    return results


def _fix(results: list[FileResult], write: bool, out: TextIO) -> list[Finding]:
    """Apply or show fixes; return the findings that remain."""
    from attrlint import fix

    remaining: list[Finding] = []
    for result in results:
        fixable = [f for f in result.findings if f.delete is not None]
        if not fixable or result.doc is None or result.decoded is None or result.stdin:
            remaining.extend(result.findings)
            continue
        after = fix.apply(result.doc.source, fixable)
        if write:
            fix.write_atomic(result.path, after, result.decoded)
            remaining.extend(f for f in result.findings if f.delete is None)
        else:
            out.write(fix.diff(result.path, result.doc.source, after))
            remaining.extend(result.findings)
    return remaining


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run attrlint; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["rules"]:
        return _rules_command(out)
    if args_list[:1] == ["explain"]:
        return _explain_command(args_list[1:], out, err)
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    if not args.paths:
        parser.print_usage(err)
        err.write("attrlint: error: give at least one PATH ('-' for standard input)\n")
        return 2
    overrides = {"select": _split(args.select), "ignore": _split(args.ignore),
                 "fail_on": args.fail_on}
    try:
        finder = ConfigFinder(load_file(args.config) if args.config else None, overrides)
        finder.for_path(".")
    except ConfigError as exc:
        err.write(f"attrlint: {exc}\n")
        return 2
    fmt = args.format or default_format()
    options = LintOptions(args.require_reasons, args.report_unused_directives,
                          keep_source=fmt == "text")
    show_progress = not args.no_progress and fmt == "text" and err.isatty()
    try:
        results = _lint_all(args, finder, options, show_progress)
    except ConfigError as exc:
        err.write(f"attrlint: {exc}\n")
        return 2
    errors = [r.error for r in results if r.error is not None]
    if args.fix or args.diff:
        findings = _fix(results, write=args.fix, out=out)
    else:
        findings = [f for r in results for f in r.findings]
    for result in results:
        for notice in result.notices:
            err.write(f"{result.path}: notice: {notice}\n")
    _report(fmt, findings, errors, results, out, err)
    if errors:
        return 2
    thresholds: dict[str, int] = {}
    for finding in findings:
        if finding.path not in thresholds:
            thresholds[finding.path] = severity_rank(finder.for_path(finding.path).fail_on)
        if severity_rank(finding.severity) >= thresholds[finding.path]:
            return 1
    return 0


def _report(fmt: str, findings: list[Finding], errors: list[FileError],
            results: list[FileResult], out: TextIO, err: TextIO) -> None:
    if fmt == "json":
        from attrlint.report import json as json_report

        json_report.report(findings, errors, out)
    elif fmt == "github":
        from attrlint.report import github

        github.report(findings, errors, out)
    else:
        from attrlint.report import text

        sources = {r.path: r.text for r in results if r.text is not None}
        linted = sum(1 for r in results if r.error is None)
        text.report(findings, errors, out, sources, linted)
        return
    for e in errors:
        err.write(f"{e.path}: error: {e.message}\n")


def run() -> None:
    """Console-script entry point."""
    code = main()
    # At exit the interpreter would walk every object once more for the cycle collector
    # (10 ms after linting a large folder); the process is ending, so leave them be.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()

