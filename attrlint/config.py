"""Configuration: found by walking up from each file, validated once, frozen afterwards.

Sources, nearest first: ``attrlint.toml``, ``.attrlint.toml``, or ``[tool.attrlint]`` in
``pyproject.toml``. ``--config FILE`` replaces the search.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from attrlint.finding import SEVERITIES, Severity, Violation
from attrlint.formats import DEFAULT_EXTENSIONS, FORMATS

if TYPE_CHECKING:
    from attrlint.document import Document


class RuleModule(Protocol):
    """What every module in ``attrlint.rules`` provides."""

    NAME: str
    CODE: str
    SEVERITY: Severity
    OPTIONS: Mapping[str, object]
    __doc__: str | None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
        """Yield the rule's violations in one document."""
        ...


class ConfigError(Exception):
    """Invalid configuration; the message names the file and the key."""


@cache
def all_rules() -> tuple[RuleModule, ...]:
    """Every registered rule module."""
    from attrlint.rules import RULES

    return RULES


def resolve_rule(token: str, where: str = "") -> list[RuleModule]:
    """Rules matching a name or code, or a prefix of either (``AT2``, ``repeated-``)."""
    wanted = token.strip()
    low = wanted.lower()
    if low == "all":
        return list(all_rules())
    found = [r for r in all_rules() if low in (r.NAME, r.CODE.lower())]
    if not found:
        found = [r for r in all_rules() if r.CODE.lower().startswith(low) or r.NAME.startswith(low)]
    if not found:
        suffix = f" in {where}" if where else ""
        raise ConfigError(f"unknown rule '{token}'{suffix} (see `attrlint rules`)")
    return found


ATTRIBUTION_KEYS = {
    "named-sources": "names your house treats as named sources (a column, a desk, a partner "
                     "outlet)",
    "vague-phrases": "extra agentless or faceless-group phrases to flag as vague",
    "unnamed-phrases": "extra unnamed-source phrases (anonymous individuals or officials)",
    "ignore-phrases": "shipped phrases never to treat as vague or unnamed",
}

_TOP_KEYS = {
    "select", "ignore", "extend-select", "fail-on", "extensions", "per-file-ignores",
    "max-file-size", "rules", "attribution", "exclude",
}


@dataclass(frozen=True)
class AttributionOptions:
    """Lexicon changes for the shared attribution analysis."""

    named_sources: tuple[str, ...] = ()
    vague_phrases: tuple[str, ...] = ()
    unnamed_phrases: tuple[str, ...] = ()
    ignore_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """One validated configuration."""

    source: str = "<defaults>"
    select: tuple[str, ...] = ("all",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = "warning"
    extensions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(
        dict(DEFAULT_EXTENSIONS)))
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_size: int = 10_000_000
    rule_options: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: MappingProxyType({}))
    severities: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    attribution: AttributionOptions = AttributionOptions()
    # Each rule's merged options, built on first use: every file asks for them again.
    _options: dict[str, Mapping[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def with_overrides(self, *, select: Sequence[str] | None = None,
                       ignore: Sequence[str] | None = None,
                       fail_on: str | None = None) -> Config:
        """A copy with command-line overrides applied."""
        changes: dict[str, Any] = {}
        if select is not None:
            _check_rules(select, "--select")
            changes["select"] = tuple(select)
        if ignore is not None:
            _check_rules(ignore, "--ignore")
            changes["ignore"] = self.ignore + tuple(ignore)
        if fail_on is not None:
            changes["fail_on"] = _severity(fail_on, "--fail-on")
        return replace(self, **changes) if changes else self

    def enabled(self, path: str | None = None) -> tuple[RuleModule, ...]:
        """Rules that run on ``path``: selected, not ignored, not ignored for this file."""
        return _enabled(self.select, self.ignore + self._file_ignores(path))

    def _file_ignores(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        posix = Path(path).as_posix()
        out: list[str] = []
        for pattern, rules in self.per_file_ignores:
            if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(posix, f"*/{pattern}"):
                out.extend(rules)
        return tuple(out)

    def options(self, rule: RuleModule) -> Mapping[str, Any]:
        """A rule's options: its defaults overlaid with the configured values."""
        options = self._options.get(rule.NAME)
        if options is None:
            merged = dict(rule.OPTIONS)
            merged.update(self.rule_options.get(rule.NAME, {}))
            options = self._options[rule.NAME] = MappingProxyType(merged)
        return options

    def severity(self, rule: RuleModule) -> Severity:
        """The configured severity of a rule."""
        return self.severities.get(rule.NAME, rule.SEVERITY)


@cache
def _enabled(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[RuleModule, ...]:
    chosen = {id(r) for token in select for r in resolve_rule(token)}
    dropped = {id(r) for token in ignore for r in resolve_rule(token)}
    return tuple(r for r in all_rules() if id(r) in chosen and id(r) not in dropped)


def _check_rules(tokens: Sequence[str], where: str) -> None:
    for token in tokens:
        resolve_rule(token, where)


def _severity(value: object, where: str) -> Severity:
    for severity in SEVERITIES:
        if value == severity:
            return severity
    raise ConfigError(f"{where}: severity must be one of error, warning, info, not {value!r}")


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _check_type(value: object, default: object, where: str) -> object:
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, (int, float)):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif isinstance(default, (list, tuple)):
        return _strings(value, where)
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise ConfigError(f"{where} must be {type(default).__name__}, not {value!r}")
    return value


def parse(table: Mapping[str, Any], source: str) -> Config:
    """Validate a ``[tool.attrlint]`` table; raise :class:`ConfigError` naming file and key."""
    prefix = f"{source}: "
    for key in table:
        if key not in _TOP_KEYS:
            raise ConfigError(f"{prefix}unknown key '{key}' (expected one of "
                              f"{', '.join(sorted(_TOP_KEYS))})")
    changes: dict[str, Any] = {"source": source}
    for key in ("select", "ignore", "extend-select"):
        if key in table:
            values = _strings(table[key], f"{prefix}'{key}'")
            _check_rules(values, f"{source} '{key}'")
            changes[key.replace("-", "_")] = values
    if "extend_select" in changes:
        changes["select"] = changes.get("select", ("all",)) + changes.pop("extend_select")
    if "fail-on" in table:
        changes["fail_on"] = _severity(table["fail-on"], f"{prefix}'fail-on'")
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ConfigError(f"{prefix}'max-file-size' must be a positive number of bytes")
        changes["max_file_size"] = size
    if "exclude" in table:
        changes["exclude"] = _strings(table["exclude"], f"{prefix}'exclude'")
    if "extensions" in table:
        exts = table["extensions"]
        if not isinstance(exts, dict):
            raise ConfigError(f"{prefix}'extensions' must be a table of extension = format")
        merged = dict(DEFAULT_EXTENSIONS)
        for ext, fmt in exts.items():
            if fmt not in FORMATS:
                raise ConfigError(f"{prefix}extensions.'{ext}': unknown format {fmt!r} "
                                  f"(one of {', '.join(FORMATS)})")
            merged[ext if ext.startswith(".") else f".{ext}"] = fmt
        changes["extensions"] = MappingProxyType(merged)
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{prefix}'per-file-ignores' must be a table of glob = [rules]")
        items = []
        for glob, rules in pfi.items():
            values = _strings(rules, f"{prefix}per-file-ignores.'{glob}'")
            _check_rules(values, f"{source} per-file-ignores.'{glob}'")
            items.append((glob, values))
        changes["per_file_ignores"] = tuple(items)
    if "attribution" in table:
        changes["attribution"] = _attribution(table["attribution"], prefix)
    if "rules" in table:
        options, severities = _rule_tables(table["rules"], prefix)
        changes["rule_options"] = MappingProxyType(options)
        changes["severities"] = MappingProxyType(severities)
    return replace(Config(), **changes)


def _attribution(table: object, prefix: str) -> AttributionOptions:
    if not isinstance(table, dict):
        raise ConfigError(f"{prefix}'attribution' must be a table")
    for key in table:
        if key not in ATTRIBUTION_KEYS:
            raise ConfigError(f"{prefix}unknown key 'attribution.{key}' (expected one of "
                              f"{', '.join(sorted(ATTRIBUTION_KEYS))})")
    return AttributionOptions(**{
        key.replace("-", "_"): _strings(value, f"{prefix}'attribution.{key}'")
        for key, value in table.items()
    })


def _rule_tables(table: object, prefix: str) -> tuple[dict[str, dict[str, Any]],
                                                      dict[str, Severity]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{prefix}'rules' must be a table of rule tables")
    by_name = {r.NAME: r for r in all_rules()} | {r.CODE: r for r in all_rules()}
    options: dict[str, dict[str, Any]] = {}
    severities: dict[str, Severity] = {}
    for name, values in table.items():
        rule = by_name.get(name)
        if rule is None:
            raise ConfigError(f"{prefix}unknown rule 'rules.{name}' (see `attrlint rules`)")
        if not isinstance(values, dict):
            raise ConfigError(f"{prefix}'rules.{name}' must be a table")
        checked: dict[str, Any] = {}
        for key, value in values.items():
            where = f"{prefix}'rules.{name}.{key}'"
            if key == "severity":
                severities[rule.NAME] = _severity(value, where)
            elif key not in rule.OPTIONS:
                known = ", ".join(["severity", *sorted(rule.OPTIONS)])
                raise ConfigError(f"{prefix}unknown option 'rules.{name}.{key}' "
                                  f"(options of {rule.NAME}: {known})")
            else:
                checked[key] = _check_type(value, rule.OPTIONS[key], where)
        options[rule.NAME] = checked
    return options, severities


CONFIG_NAMES = ("attrlint.toml", ".attrlint.toml", "pyproject.toml")


def load_file(path: str | os.PathLike[str]) -> Config:
    """Load one config file (``pyproject.toml`` reads ``[tool.attrlint]``)."""
    name = os.fspath(path)
    try:
        data = _read_toml(name)
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read config: {exc.strerror}") from exc
    except _InvalidToml as exc:
        raise ConfigError(f"{name}: invalid TOML: {exc}") from exc.__cause__
    if os.path.basename(name) == "pyproject.toml":
        table = data.get("tool", {}).get("attrlint", {})
    else:
        table = data.get("tool", {}).get("attrlint", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{name}: [tool.attrlint] must be a table")
    return parse(table, name)


def _has_attrlint_table(pyproject: Path) -> bool:
    try:
        return "attrlint" in _read_toml(pyproject).get("tool", {})
    except (OSError, _InvalidToml):
        return False


class _InvalidToml(Exception):
    """The TOML parser's error: the parser is imported only when a file is read."""


def _read_toml(path: str | Path) -> dict[str, Any]:
    """A TOML file's contents. The parser is imported here: most runs read no config file."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with open(path, "rb") as handle:
        try:
            return tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise _InvalidToml(str(exc)) from exc


class ConfigFinder:
    """Finds the nearest configuration for each file, caching per directory.

    ``overrides`` (``select``, ``ignore``, ``fail_on`` from the command line) are layered
    on whatever configuration governs a file.
    """

    def __init__(self, explicit: Config | None = None,
                 overrides: Mapping[str, Any] | None = None) -> None:
        self.explicit = explicit
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self._cache: dict[Path, Config] = {}
        self._by_folder: dict[str, Config] = {}
        self._layered: dict[int, Config] = {}

    def for_path(self, path: str) -> Config:
        """The configuration that governs ``path``."""
        if self.explicit is not None:
            base = self.explicit
        else:
            folder = os.path.dirname(path) if path != "-" else ""
            found = self._by_folder.get(folder)
            if found is None:
                directory = Path(path).resolve().parent if path != "-" else Path.cwd().resolve()
                found = self._by_folder[folder] = self._for_dir(directory)
            base = found
        if not self.overrides:
            return base
        layered = self._layered.get(id(base))
        if layered is None:
            layered = base.with_overrides(**self.overrides)
            self._layered[id(base)] = layered
        return layered

    def _for_dir(self, directory: Path) -> Config:
        cached = self._cache.get(directory)
        if cached is not None:
            return cached
        config = None
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml"
                                        or _has_attrlint_table(candidate)):
                config = load_file(candidate)
                break
        if config is None:
            parent = directory.parent
            config = Config() if parent == directory else self._for_dir(parent)
        self._cache[directory] = config
        return config
