"""Suppression directives: each silences exactly what it names, where it says, and a directive
that cannot be read is reported rather than guessed at.

Every draft below is built from sentences whose findings are known, one paragraph a line, so
that each assertion names the line a finding is on.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from attrlint import lint_text, read_text_document
from attrlint.cli import main
from attrlint.config import Config

# One finding each: AT101 for the figures, AT201 for the agentless phrases.
FIGURE = "The storm destroyed 4,200 homes."
COST = "The flood cost $1.8 billion."
RISE = "Prices rose 12% in March."
SAID = "Passengers are said to be unhappy about the winter timetable."
SOLD = "The ferry will reportedly be sold."
# AT101 and AT201 on one line.
BOTH = f"{FIGURE} {SOLD}"


def draft(*paragraphs: str) -> str:
    """A Markdown draft: a headline, then paragraphs on lines 3, 5, 7, ..."""
    return "# Storm\n\n" + "\n\n".join(paragraphs) + "\n"


# Repeated lines are the point of several drafts here: leave the repetition rules out.
CONFIG = Config(ignore=("AT3",))


def found(text: str, fmt: str = "markdown") -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, fmt=fmt, config=CONFIG)]


def messages(text: str, fmt: str = "markdown") -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in lint_text(text, fmt=fmt, config=CONFIG)]


def test_the_sentences_have_the_findings_the_tests_rely_on() -> None:
    assert found(draft(FIGURE, COST, RISE, SAID, SOLD, BOTH)) == [
        ("AT101", 3), ("AT101", 5), ("AT101", 7), ("AT201", 9), ("AT201", 11),
        ("AT101", 13), ("AT201", 13)]


def test_region_covers_what_lies_between_disable_and_enable() -> None:
    text = draft(FIGURE, "<!-- attrlint-disable uncited-number -->", COST, SAID,
                 "<!-- attrlint-enable uncited-number -->", RISE)
    assert found(text) == [("AT101", 3), ("AT201", 9), ("AT101", 13)]


def test_region_boundaries_fall_inside_a_line() -> None:
    text = draft(f"{FIGURE} <!-- attrlint-disable AT101 --> {RISE} "
                 f"<!-- attrlint-enable AT101 --> {COST}")
    findings = lint_text(text, config=CONFIG)
    assert [(f.code, f.text) for f in findings] == [("AT101", "4,200"), ("AT101", "$1.8 billion")]


def test_region_without_enable_runs_to_the_end_of_the_file() -> None:
    text = draft(FIGURE, "<!-- attrlint-disable AT101 -->", COST, RISE, SAID)
    assert found(text) == [("AT101", 3), ("AT201", 11)]


def test_enable_may_name_the_rule_by_code_or_name() -> None:
    text = draft("<!-- attrlint-disable uncited-number -->", FIGURE,
                 "<!-- attrlint-enable AT101 -->", COST)
    assert found(text) == [("AT101", 9)]


def test_enable_of_another_rule_leaves_the_region_open() -> None:
    text = draft("<!-- attrlint-disable AT101 -->", FIGURE,
                 "<!-- attrlint-enable AT201 -->", COST, SAID)
    assert found(text) == [("AT201", 11)]


def test_bare_enable_closes_every_open_region() -> None:
    text = draft("<!-- attrlint-disable AT101 -->", "<!-- attrlint-disable AT201 -->", BOTH,
                 "<!-- attrlint-enable -->", BOTH)
    assert found(text) == [("AT101", 11), ("AT201", 11)]


def test_bare_disable_silences_every_rule_until_bare_enable() -> None:
    text = draft("<!-- attrlint-disable -->", BOTH, RISE, "<!-- attrlint-enable -->", BOTH)
    assert found(text) == [("AT101", 11), ("AT201", 11)]


def test_disable_silences_only_the_rules_it_names() -> None:
    text = draft("<!-- attrlint-disable AT201 -->", BOTH, SAID)
    assert found(text) == [("AT101", 5)]


def test_a_prefix_names_every_rule_it_starts() -> None:
    text = draft("<!-- attrlint-disable AT2 -->", BOTH)
    assert found(text) == [("AT101", 5)]


def test_next_line_is_the_next_non_blank_line_only() -> None:
    text = "# Storm\n\n<!-- attrlint-disable-next-line AT101 -->\n\n\n" + f"{FIGURE}\n\n{COST}\n"
    assert found(text) == [("AT101", 8)]


def test_next_line_silences_only_the_named_rule() -> None:
    text = draft("<!-- attrlint-disable-next-line uncited-number -->", BOTH)
    assert found(text) == [("AT201", 5)]


def test_next_line_without_rules_silences_every_rule_on_that_line() -> None:
    text = draft("<!-- attrlint-disable-next-line -->", BOTH, BOTH)
    assert found(text) == [("AT101", 7), ("AT201", 7)]


def test_next_line_after_text_on_the_directive_line_skips_that_line() -> None:
    text = f"# Storm\n\n{FIGURE} <!-- attrlint-disable-next-line AT101 -->\n{COST}\n{RISE}\n"
    assert found(text) == [("AT101", 3), ("AT101", 5)]


def test_next_line_in_a_hard_wrapped_paragraph() -> None:
    text = f"# Storm\n\n<!-- attrlint-disable-next-line AT101 -->\n{RISE}\n{COST}\n"
    assert found(text) == [("AT101", 5)]


@pytest.mark.parametrize("at", ["start", "end"])
def test_disable_file_silences_the_whole_file_wherever_it_is(at: str) -> None:
    directive = "<!-- attrlint-disable-file -->"
    paragraphs = [BOTH, COST, SAID]
    text = draft(directive, *paragraphs) if at == "start" else draft(*paragraphs, directive)
    assert found(text) == []


def test_disable_file_with_rules_silences_only_those() -> None:
    text = draft(BOTH, "<!-- attrlint-disable-file AT101 -- wire copy, figures checked -->", COST)
    assert found(text) == [("AT201", 3)]


@pytest.mark.parametrize("rules", [
    "AT101 AT201", "AT101,AT201", "AT101, AT201", "uncited-number vague-attribution",
    "uncited-number,AT201", "AT101 , vague-attribution", "AT101,,AT201"])
def test_rule_lists_are_comma_or_space_separated_names_or_codes(rules: str) -> None:
    text = draft(f"<!-- attrlint-disable-next-line {rules} -->", BOTH, BOTH)
    assert found(text) == [("AT101", 7), ("AT201", 7)]


@pytest.mark.parametrize("reason", [
    " -- figure checked with the county", " --figure checked", " -- a -- b", " --"])
def test_reason_after_double_dash_is_not_a_rule(reason: str) -> None:
    text = draft(f"<!-- attrlint-disable-next-line AT101{reason} -->", BOTH)
    assert found(text) == [("AT201", 5)]


def test_directive_keeps_its_reason() -> None:
    from attrlint.suppress import find_directives

    (directive,) = find_directives(
        "<!-- attrlint-disable-next-line AT101, AT201 -- checked -- twice -->", "markdown")
    assert (directive.action, directive.rules, directive.reason) == (
        "disable-next-line", ("AT101", "AT201"), "checked -- twice")


def test_unknown_rule_is_reported_where_the_directive_is() -> None:
    text = draft(FIGURE, "<!-- attrlint-disable-next-line AT999 -->", COST)
    findings = lint_text(text, config=CONFIG)
    assert [(f.code, f.rule, f.severity, f.line, f.message) for f in findings] == [
        ("AT101", "uncited-number", "warning", 3, "'4,200' has no source in its sentence"),
        ("AT001", "invalid-directive", "error", 5, "unknown rule 'AT999' in directive"),
        ("AT101", "uncited-number", "warning", 7, "'$1.8 billion' has no source in its sentence")]
    assert (findings[1].column, findings[1].text) == (
        1, "<!-- attrlint-disable-next-line AT999 -->")


def test_unknown_rule_does_not_stop_the_known_ones() -> None:
    text = draft("<!-- attrlint-disable-next-line AT999, AT101 -->", BOTH)
    assert messages(text) == [
        ("AT001", 3, "unknown rule 'AT999' in directive"),
        ("AT201", 5, "'reportedly' attributes the claim to no one")]


def test_only_unknown_rules_silence_nothing() -> None:
    # Not 'every rule': a typo must never widen a suppression.
    text = draft("<!-- attrlint-disable uncited-numbr -->", BOTH)
    assert found(text) == [("AT001", 3), ("AT101", 5), ("AT201", 5)]


@pytest.mark.parametrize("action", ["disabel", "disable-line", "ignore", ""])
def test_unknown_action_is_reported_and_silences_nothing(action: str) -> None:
    text = draft(f"<!-- attrlint-{action} AT101 -->", FIGURE)
    assert messages(text) == [
        ("AT001", 3, f"unknown directive 'attrlint-{action}'"),
        ("AT101", 5, "'4,200' has no source in its sentence")]


def test_trailing_comma_in_a_rule_list_is_tolerated() -> None:
    text = draft("<!-- attrlint-disable-next-line AT101, -->", BOTH)
    assert found(text) == [("AT201", 5)]


@pytest.mark.parametrize("rules", [",", " , ", ",,"])
def test_rule_list_of_only_commas_is_reported_and_silences_nothing(rules: str) -> None:
    text = draft(f"<!-- attrlint-disable-next-line {rules} -->", BOTH)
    assert messages(text) == [
        ("AT001", 3, "empty rule list in directive"),
        ("AT101", 5, "'4,200' has no source in its sentence"),
        ("AT201", 5, "'reportedly' attributes the claim to no one")]


def test_directive_without_its_closing_marks() -> None:
    # CommonMark reads an unclosed comment to the end of the file: nothing after it is prose,
    # and the directive, unreadable, suppresses nothing before it.
    text = draft(FIGURE, "<!-- attrlint-disable-file", COST, RISE)
    findings = lint_text(text, config=CONFIG)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("AT101", 3, "'4,200' has no source in its sentence"),
        ("AT001", 5, "malformed directive: a directive is one comment on one line")]
    assert findings[1].text == "<!-- attrlint-disable-file"


def test_directive_split_over_lines_is_reported() -> None:
    text = draft("<!--\nattrlint-disable-next-line AT101\n-->", FIGURE)
    assert found(text) == [("AT001", 3), ("AT101", 7)]


def test_directive_nested_in_another_comment_still_counts() -> None:
    text = draft("<!-- note <!-- attrlint-disable-next-line AT101 --> -->", BOTH)
    assert found(text) == [("AT201", 5)]


def test_directive_with_text_after_it_on_the_line() -> None:
    text = draft("<!-- attrlint-disable-next-line AT101 --> Storm latest", COST)
    assert found(text) == []


def test_comment_opening_with_a_directive_is_read_as_one() -> None:
    text = draft("<!-- attrlint-disable was removed -->", FIGURE)
    assert messages(text) == [
        ("AT001", 3, "unknown rule 'was' in directive"),
        ("AT001", 3, "unknown rule 'removed' in directive"),
        ("AT101", 5, "'4,200' has no source in its sentence")]


def test_comment_that_only_mentions_a_directive_is_not_one() -> None:
    text = draft("<!-- ask the desk before using attrlint-disable -->", FIGURE)
    assert found(text) == [("AT101", 5)]


@pytest.mark.parametrize("code", [
    "```\n<!-- attrlint-disable-file -->\n```",
    "~~~html\n<!-- attrlint-disable-file -->\n<!-- attrlint-disabel AT999 -->\n~~~",
    "    <!-- attrlint-disable-file -->",
    "Write `<!-- attrlint-disable-file -->` to silence a file.",
    "Write ``<!-- attrlint-disable AT101, -->`` where you need it.",
    "> ```\n> <!-- attrlint-disable-file -->\n> ```",
])
def test_directives_in_code_are_examples_not_instructions(code: str) -> None:
    text = draft(code, FIGURE)
    assert [code for code, _ in found(text)] == ["AT101"]


def test_directive_after_a_code_block_still_counts() -> None:
    text = draft("```\n<!-- attrlint-disable-file -->\n```",
                 "<!-- attrlint-disable-next-line AT101 -->", FIGURE, COST)
    assert found(text) == [("AT101", 11)]


def test_unclosed_fence_quotes_the_rest_of_the_file() -> None:
    text = draft(FIGURE, "```", "<!-- attrlint-disable-file -->", COST)
    assert found(text) == [("AT101", 3)]


def test_markdown_reader_records_code_ranges() -> None:
    text = "Run `make 4` now.\n\n```\ncode 12\n```\n"
    doc = read_text_document(text, fmt="markdown")
    assert [text[start:end] for start, end in doc.non_prose] == [
        "`make 4`", "```\ncode 12\n```\n"]


def text_draft(*lines: str, newline: str = "\n") -> str:
    """A plain-text draft: a headline, then one paragraph a line from line 3."""
    return newline.join(["Storm", "", *lines, ""])


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("directive", [
    "attrlint-disable-next-line AT101",
    "  attrlint-disable-next-line uncited-number -- checked",
    "<!-- attrlint-disable-next-line AT101 -->",
    "\tattrlint-disable-next-line AT101,",
])
def test_plain_text_directive_on_a_line_of_its_own(directive: str, newline: str) -> None:
    text = text_draft(FIGURE, directive, COST, RISE, newline=newline)
    assert found(text, "text") == [("AT101", 3), ("AT101", 6)]


def test_plain_text_region_and_file_directives() -> None:
    text = text_draft(FIGURE, "attrlint-disable AT101", COST, SAID, "attrlint-enable AT101", RISE)
    assert found(text, "text") == [("AT101", 3), ("AT201", 6), ("AT101", 8)]
    assert found(text_draft(BOTH, "", "attrlint-disable-file"), "text") == []


def test_plain_text_directive_must_have_its_line_to_itself() -> None:
    text = text_draft(f"{FIGURE} attrlint-disable-file", COST)
    assert found(text, "text") == [("AT101", 3), ("AT101", 4)]
    text = text_draft(f"{FIGURE} <!-- attrlint-disable-file -->", COST)
    assert messages(text, "text") == [
        ("AT101", 3, "'4,200' has no source in its sentence"),
        ("AT001", 3, "in plain text a directive needs a line of its own"),
        ("AT101", 4, "'$1.8 billion' has no source in its sentence")]


def test_plain_text_directive_lines_are_not_prose() -> None:
    directive = "attrlint-disable-next-line AT202 -- experts say 4,200 is right, reportedly"
    text = text_draft(directive, "", directive, "", COST)
    assert found(text, "text") == [("AT101", 7)]


def test_plain_text_unknown_directive_is_reported() -> None:
    assert messages(text_draft("attrlint-disabel AT101", FIGURE), "text") == [
        ("AT001", 3, "unknown directive 'attrlint-disabel'"),
        ("AT101", 4, "'4,200' has no source in its sentence")]


def test_bare_directive_line_in_markdown_is_prose() -> None:
    text = draft("attrlint-disable-file", FIGURE)
    assert found(text) == [("AT101", 5)]


@pytest.fixture()
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(path: Path, text: str, *flags: str) -> tuple[int, list[tuple[str, int, str]]]:
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["--format", "json", *flags, str(path)], stdout=out, stderr=err)
    return code, [(f["code"], f["line"], f["message"]) for f in json.loads(out.getvalue())]


def test_require_reasons_reports_a_directive_without_one(in_tmp: Path) -> None:
    text = draft("<!-- attrlint-disable-next-line AT101 -->", FIGURE,
                 "<!-- attrlint-disable-next-line AT101 -- checked with the county -->", COST,
                 "<!-- attrlint-disable AT201 -- -->", SAID, "<!-- attrlint-enable AT201 -->")
    code, findings = run_json(in_tmp / "draft.md", text, "--require-reasons")
    assert code == 1
    assert findings == [("AT001", 3, "suppression without a reason"),
                        ("AT001", 11, "suppression without a reason")]
    assert run_json(in_tmp / "draft.md", text) == (0, [])


def test_report_unused_directives(in_tmp: Path) -> None:
    text = draft("<!-- attrlint-disable-next-line AT101 -->", FIGURE,
                 "<!-- attrlint-disable-next-line AT201 -->", COST,
                 "<!-- attrlint-disable AT201 -->", RISE, "<!-- attrlint-enable AT201 -->")
    code, findings = run_json(in_tmp / "draft.md", text, "--report-unused-directives")
    assert code == 1
    # The first directive silenced the figure on line 5; the enable is no suppression.
    assert findings == [
        ("AT002", 7, "directive suppresses nothing"),
        ("AT101", 9, "'$1.8 billion' has no source in its sentence"),
        ("AT002", 11, "directive suppresses nothing"),
        ("AT101", 13, "'12%' has no source in its sentence")]
    _, without_flag = run_json(in_tmp / "draft.md", text)
    assert [code for code, _, _ in without_flag] == ["AT101", "AT101"]


def test_invalid_directive_is_an_error_for_the_exit_code(in_tmp: Path) -> None:
    text = draft("<!-- attrlint-disable-next-line AT999 -- typo -->", "The harbour is open.")
    code, findings = run_json(in_tmp / "draft.md", text, "--fail-on", "error")
    assert (code, findings) == (1, [("AT001", 3, "unknown rule 'AT999' in directive")])
