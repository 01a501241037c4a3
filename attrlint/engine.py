"""Run the enabled rules on documents, stamp rule and severity, apply suppressions, sort."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from attrlint.config import Config, ConfigError, ConfigFinder, RuleModule, resolve_rule
from attrlint.document import Document
from attrlint.finding import FileError, Finding, Violation
from attrlint.formats import Decoded, ReadError, read_bytes
from attrlint.suppress import ACTIONS, Directive, find_directives

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 64
DIRECTIVE_RULE = ("invalid-directive", "AT001")
UNUSED_RULE = ("unused-directive", "AT002")
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                          ".tox", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist"})


@dataclass(frozen=True)
class LintOptions:
    """Switches that are not configuration: they come from the command line."""

    require_reasons: bool = False
    report_unused_directives: bool = False
    keep_source: bool = True  # workers send sources back only for reports that show lines


def make_finding(doc: Document, rule: str, code: str, severity: str, violation: Violation,
                 *, source_offsets: bool = False) -> Finding:
    """Place a violation in the file: map prose offsets to source, then to line/column."""
    if source_offsets:
        start, end = violation.start, violation.end
    else:
        start, end = doc.source_span(violation.start, violation.end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(doc.path, rule, code, violation.severity or severity,  # type: ignore[arg-type]
                   line, column, end_line, end_column, violation.message, violation.hint,
                   start, end, doc.source[start:end], violation.delete)


def run_rules(doc: Document, rules: Iterable[RuleModule], config: Config) -> list[Finding]:
    """Every rule's findings on one document, before suppression."""
    findings = []
    for rule in rules:
        severity = config.severity(rule)
        for violation in rule.check(doc, config.options(rule)):
            findings.append(make_finding(doc, rule.NAME, rule.CODE, severity, violation))
    return findings


@dataclass
class _Scope:
    directive: Directive
    names: frozenset[str] | None
    start: int
    end: int
    line: int | None = None
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if self.names is not None and finding.rule not in self.names:
            return False
        if self.line is not None:
            return finding.line == self.line
        return self.start <= finding.start < self.end


def _directive_finding(doc: Document, directive: Directive, rule: tuple[str, str], severity: str,
                       message: str, hint: str) -> Finding:
    return make_finding(doc, rule[0], rule[1], severity,
                        Violation(directive.start, directive.end, message, hint),
                        source_offsets=True)


def _scopes(doc: Document, options: LintOptions) -> tuple[list[_Scope], list[Finding]]:
    scopes: list[_Scope] = []
    problems: list[Finding] = []
    open_regions: dict[str | None, _Scope] = {}
    for directive in find_directives(doc.source, doc.format, doc.non_prose):
        if directive.problem:
            problems.append(_directive_finding(
                doc, directive, DIRECTIVE_RULE, "error", directive.problem,
                "write <!-- attrlint-ACTION [RULE ...] [-- reason] --> on one line, "
                "in plain text on a line of its own"))
            continue
        if directive.action not in ACTIONS:
            problems.append(_directive_finding(
                doc, directive, DIRECTIVE_RULE, "error",
                f"unknown directive 'attrlint-{directive.action}'",
                "use attrlint-disable, -enable, -disable-next-line or -disable-file"))
            continue
        names: set[str] | None = None
        if directive.rules:
            names = set()
            for token in directive.rules:
                try:
                    names.update(r.NAME for r in resolve_rule(token))
                except ConfigError:
                    problems.append(_directive_finding(
                        doc, directive, DIRECTIVE_RULE, "error",
                        f"unknown rule '{token}' in directive",
                        "name a rule or code listed by `attrlint rules`"))
        if options.require_reasons and not directive.reason and directive.action != "enable":
            problems.append(_directive_finding(
                doc, directive, DIRECTIVE_RULE, "error", "suppression without a reason",
                "add the reason after '--': <!-- attrlint-disable-next-line RULE -- why -->"))
        frozen = frozenset(names) if names is not None else None
        key = ",".join(sorted(frozen)) if frozen is not None else None
        if directive.action == "disable-file":
            scopes.append(_Scope(directive, frozen, 0, len(doc.source) + 1))
        elif directive.action == "disable-next-line":
            line = _next_content_line(doc, directive.end)
            scopes.append(_Scope(directive, frozen, 0, 0, line=line))
        elif directive.action == "disable":
            scope = _Scope(directive, frozen, directive.end, len(doc.source) + 1)
            scopes.append(scope)
            open_regions[key] = scope
        else:
            region = open_regions.pop(key, None)
            if region is None and open_regions and key is None:
                for region_key in list(open_regions):
                    open_regions.pop(region_key).end = directive.start
            elif region is not None:
                region.end = directive.start
    return scopes, problems


def _next_content_line(doc: Document, offset: int) -> int:
    line, _ = doc.position(offset)
    starts = doc.line_starts
    source = doc.source
    for index in range(line, len(starts)):
        end = starts[index + 1] if index + 1 < len(starts) else len(source)
        if source[starts[index]:end].strip():
            return index + 1
    return line + 1


def apply_suppressions(doc: Document, findings: list[Finding],
                       options: LintOptions) -> list[Finding]:
    """Drop suppressed findings; add directive problems (and unused directives if asked)."""
    scopes, problems = _scopes(doc, options)
    if not scopes:
        return findings + problems
    kept = []
    for finding in findings:
        hit = False
        for scope in scopes:
            if scope.covers(finding):
                scope.used = True
                hit = True
        if not hit:
            kept.append(finding)
    if options.report_unused_directives:
        for scope in scopes:
            if not scope.used:
                problems.append(_directive_finding(
                    doc, scope.directive, UNUSED_RULE, "warning",
                    "directive suppresses nothing", "remove it, or check the rule it names"))
    return kept + problems


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    """Findings sort by file, position, then code."""
    return finding.path, finding.line, finding.column, finding.code


def lint_document(doc: Document, config: Config,
                  options: LintOptions = LintOptions()) -> list[Finding]:
    """Findings of one document, suppressions applied, sorted."""
    doc.analysis.configure(config.attribution)
    findings = run_rules(doc, config.enabled(doc.path), config)
    findings = apply_suppressions(doc, findings, options)
    findings.sort(key=sort_key)
    return findings


def iter_files(paths: Sequence[str], finder: ConfigFinder,
               errors: list[FileError]) -> Iterator[str]:
    """Files to lint: named files as given, directories recursed by known extension."""
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("~$"):
                        continue  # Word's lock file beside an open document, not a draft
                    full = os.path.join(root, name)
                    config = finder.for_path(full)
                    if os.path.splitext(name)[1].lower() in config.extensions and not _excluded(
                            full, config):
                        yield full
        elif os.path.exists(path):
            yield path
        else:
            errors.append(FileError(path, "no such file or directory"))


def _excluded(path: str, config: Config) -> bool:
    import fnmatch

    posix = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(posix, f"*/{p}")
               for p in config.exclude)


def format_of(path: str, config: Config, stdin_filename: str | None = None) -> str:
    """The reader for a path: by extension, configured extensions included; text otherwise."""
    name = stdin_filename if path == "-" and stdin_filename else path
    return config.extensions.get(os.path.splitext(name)[1].lower(), "text")


@dataclass
class FileResult:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    doc: Document | None = None
    decoded: Decoded | None = None
    error: FileError | None = None
    stdin: bool = False
    notices: tuple[str, ...] = ()
    source: str | None = None

    def light(self, keep_source: bool = True) -> FileResult:
        """A copy that crosses a process boundary cheaply.

        It has no document, and keeps the source only when findings need it for excerpts
        (and ``keep_source`` says a report will show them).
        """
        return FileResult(self.path, self.findings, None, None, self.error, self.stdin,
                          self.notices, self.text if self.findings and keep_source else None)

    @property
    def text(self) -> str | None:
        """The decoded source, if the file was read."""
        return self.doc.source if self.doc is not None else self.source


def lint_file(path: str, finder: ConfigFinder, options: LintOptions = LintOptions(),
              *, stdin_filename: str | None = None,
              read_stdin: Callable[[], bytes] | None = None) -> FileResult:
    """Read, parse and lint one file; errors become a :class:`FileError`, never an exception."""
    display = stdin_filename or path if path == "-" else path
    try:
        config = finder.for_path(stdin_filename or path if path == "-" else path)
        if path == "-":
            data = read_stdin() if read_stdin else b""
        else:
            size = os.path.getsize(path)
            if size > config.max_file_size:
                return FileResult(display, error=FileError(
                    display, f"skipped: {size} bytes is over max-file-size "
                             f"({config.max_file_size})"))
            with open(path, "rb") as handle:
                data = handle.read()
        fmt = format_of(path, config, stdin_filename)
        doc, decoded = read_bytes(display, data, fmt)
        findings = lint_document(doc, config, options)
        doc.release_analysis()  # callers use the document's source only
    except ReadError as exc:
        return FileResult(display, error=FileError(display, str(exc)))
    except ConfigError as exc:
        return FileResult(display, error=FileError(display, str(exc)))
    except OSError as exc:
        return FileResult(display, error=FileError(display, exc.strerror or str(exc)))
    except RecursionError:
        return FileResult(display, error=FileError(display, "too deeply nested to parse"))
    return FileResult(display, findings, doc, decoded, stdin=path == "-", notices=doc.notices)


# Each worker process builds its own finder once; configuration is not shared memory.
_WORKER: tuple[ConfigFinder, LintOptions] | None = None


def _init_worker(config_path: str | None, overrides: dict[str, object],
                 options: LintOptions) -> None:
    from attrlint.config import load_file

    global _WORKER
    _WORKER = (ConfigFinder(load_file(config_path) if config_path else None, overrides),
               options)


def _lint_in_worker(paths: list[str]) -> list[FileResult]:
    assert _WORKER is not None
    finder, options = _WORKER
    return [lint_file(path, finder, options).light(options.keep_source) for path in paths]


# Guided scheduling: each task takes this share of the files left per worker, and no fewer
# than _MIN_TASK files. Every task costs the parent a message to receive and unpickle (about
# 0.3 ms of its CPU, taken from the workers when every CPU is busy), so tasks should be few;
# the last ones are small, so the workers run out of work at about the same time.
_TASK_SHARE = 4
_MIN_TASK = 8


def _tasks(paths: Sequence[str], jobs: int) -> list[list[str]]:
    """Split ``paths``, in order, into tasks that shrink towards the end."""
    share = jobs * _TASK_SHARE
    # A few files (with --jobs given) go out one or a few at a time, so every worker gets some.
    smallest = max(1, min(_MIN_TASK, len(paths) // share))
    tasks = []
    start = 0
    while start < len(paths):
        size = max(smallest, (len(paths) - start) // share)
        tasks.append(list(paths[start:start + size]))
        start += size
    return tasks


def lint_parallel(paths: Sequence[str], jobs: int, config_path: str | None,
                  overrides: dict[str, object], options: LintOptions) -> Iterator[FileResult]:
    """Lint files in ``jobs`` worker processes, yielding results in the order of ``paths``."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_init_worker,
                             initargs=(config_path, overrides, options)) as pool:
        for results in pool.map(_lint_in_worker, _tasks(paths, jobs)):
            yield from results


def default_jobs(files: int) -> int:
    """Worker processes worth starting: one per CPU for big runs, none for a few files."""
    if files < PARALLEL_MIN_FILES:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))
