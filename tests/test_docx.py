"""The Word reader: one line per paragraph, kinds, links and footnotes, never rewritten."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint import lint_text
from attrlint.cli import main
from attrlint.config import Config
from attrlint.engine import lint_document
from attrlint.finding import Finding
from attrlint.formats import ReadError, read_bytes
from attrlint.formats.docx import read_docx

docx = pytest.importorskip("docx")

from docx.document import Document as WordDocument  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402

Builder = Callable[[WordDocument], None]


def run(text: str) -> OxmlElement:
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def add_hyperlink(document: WordDocument, paragraph: Paragraph, text: str,
                  url: str) -> None:
    rel_id = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.append(run(text))
    paragraph._p.append(link)


def add_footnote_reference(paragraph: Paragraph, number: int) -> None:
    r = OxmlElement("w:r")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    r.append(reference)
    paragraph._p.append(r)


def build(tmp_path: Path, fill: Builder, name: str = "draft.docx") -> Path:
    document = docx.Document()
    fill(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def lint(path: Path) -> list[Finding]:
    return lint_document(read_docx(str(path), path.read_bytes()), Config())


def paragraphs(path: Path) -> list[str]:
    return read_docx(str(path), path.read_bytes()).source.split("\n")


def story(document: WordDocument) -> None:
    document.add_paragraph("Harbour flood leaves town counting the cost", style="Title")
    document.add_heading("Damage", level=1)
    document.add_paragraph("")
    document.add_paragraph("The storm surge destroyed some 4,200 homes along the front.")
    document.add_paragraph("Officials said the sea wall had failed in two places.")
    document.add_paragraph("Roads in 12 villages stayed shut", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Sandbags handed out"
    table.cell(0, 1).text = "Volunteers filled 9,000 sandbags, reportedly."
    document.add_paragraph("The harbour master is expected to report next week.")


def test_line_is_paragraph_number_and_column_slices_it(tmp_path: Path) -> None:
    path = build(tmp_path, story)
    texts = paragraphs(path)
    assert texts[2] == ""  # empty paragraphs keep their line
    findings = lint(path)
    assert {(f.rule, f.line) for f in findings} == {
        ("uncited-number", 4), ("anonymous-source", 5), ("uncited-number", 6),
        ("vague-attribution", 8),
    }
    for finding in findings:
        paragraph = texts[finding.line - 1]
        assert finding.end_line == finding.line
        assert paragraph[finding.column - 1:finding.end_column - 1] == finding.text
    [number] = [f for f in findings if f.line == 4]
    assert number.text.endswith("4,200")


def test_kinds(tmp_path: Path) -> None:
    def fill(document: WordDocument) -> None:
        story(document)
        document.add_heading("Aftermath", level=3)
        custom = document.styles.add_style("Desk Heading", WD_STYLE_TYPE.PARAGRAPH)
        custom.base_style = document.styles["Heading 2"]
        document.add_paragraph("Styled on a heading", style="Desk Heading")
        document.add_paragraph("Second point", style="List Number")

    path = build(tmp_path, fill)
    doc = read_docx(str(path), path.read_bytes())
    assert doc.format == "docx"
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", "Harbour flood leaves town counting the cost"),
        ("heading", "Damage"),
        ("paragraph", "The storm surge destroyed some 4,200 homes along the front."),
        ("paragraph", "Officials said the sea wall had failed in two places."),
        ("list-item", "Roads in 12 villages stayed shut"),
        ("table-cell", "Sandbags handed out"),
        ("table-cell", "Volunteers filled 9,000 sandbags, reportedly."),
        ("paragraph", "The harbour master is expected to report next week."),
        ("heading", "Aftermath"),
        ("heading", "Styled on a heading"),
        ("list-item", "Second point"),
    ]


def test_a_hyperlink_cites_the_figures_in_its_sentence(tmp_path: Path) -> None:
    def fill(document: WordDocument) -> None:
        linked = document.add_paragraph("The storm surge destroyed some 4,200 homes along the ")
        add_hyperlink(document, linked, "front", "https://example.org/surge")
        linked.add_run(".")
        document.add_paragraph("The storm surge flooded some 3,100 homes along the harbour.")

    path = build(tmp_path, fill)
    doc = read_docx(str(path), path.read_bytes())
    [citation] = doc.citations
    assert (citation.kind, citation.target) == ("link", "https://example.org/surge")
    assert doc.prose[citation.start:citation.end] == "front"
    assert [(f.rule, f.line) for f in lint(path)] == [("uncited-number", 2)]


def test_a_footnote_reference_cites_the_character_before_it(tmp_path: Path) -> None:
    def fill(document: WordDocument) -> None:
        cited = document.add_paragraph("Some 4,200 homes were destroyed.")
        add_footnote_reference(cited, 1)
        document.add_paragraph("Some 4,200 homes were flooded.")

    path = build(tmp_path, fill)
    doc = read_docx(str(path), path.read_bytes())
    [citation] = doc.citations
    assert citation.kind == "footnote" and citation.target == "footnote 1"
    assert doc.prose[citation.start:citation.end] == "."
    assert [(f.rule, f.line) for f in lint(path)] == [("uncited-number", 2)]


def test_tracked_changes_and_field_hyperlinks(tmp_path: Path) -> None:
    def fill(document: WordDocument) -> None:
        edited = document.add_paragraph("Crews rescued ")
        inserted = OxmlElement("w:ins")
        inserted.append(run("212 "))
        deleted = OxmlElement("w:del")
        gone = OxmlElement("w:r")
        gone_text = OxmlElement("w:delText")
        gone_text.text = "300 "
        gone.append(gone_text)
        deleted.append(gone)
        edited._p.append(deleted)
        edited._p.append(inserted)
        edited._p.append(run("people, the "))
        for kind, text in (("begin", None), ("instr", ' HYPERLINK "https://example.org/fire" '),
                           ("separate", None), ("text", "fire service"), ("end", None)):
            r = OxmlElement("w:r")
            if kind == "instr":
                instruction = OxmlElement("w:instrText")
                instruction.text = text
                r.append(instruction)
            elif kind == "text":
                r = run(str(text))
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                r.append(char)
            edited._p.append(r)
        edited._p.append(run(" reported."))

    path = build(tmp_path, fill)
    doc = read_docx(str(path), path.read_bytes())
    assert doc.source == "Crews rescued 212 people, the fire service reported."
    [citation] = doc.citations
    assert citation.target == "https://example.org/fire"
    assert doc.prose[citation.start:citation.end] == "fire service"


def test_directive_paragraph_suppresses_the_next_one(tmp_path: Path) -> None:
    def fill(document: WordDocument) -> None:
        document.add_paragraph("<!-- attrlint-disable-next-line anonymous-source -->")
        document.add_paragraph("Officials said the pier would reopen.")
        document.add_paragraph("People familiar with the plans said the road would reopen.")

    path = build(tmp_path, fill)
    assert paragraphs(path)[0].startswith("<!--")
    assert [(f.rule, f.line) for f in lint(path)] == [("anonymous-source", 3)]


def test_corrupt_docx_is_one_clear_error_and_others_are_still_linted(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(os.urandom(2048))
    good = build(tmp_path, story, "good.docx")
    out, err = io.StringIO(), io.StringIO()
    assert main([str(broken), str(good), "--format", "json"], out, err) == 2
    assert err.getvalue().count("broken.docx") == 1
    assert "not a readable Word .docx file" in err.getvalue()
    assert "good.docx" in out.getvalue() and "uncited-number" in out.getvalue()


def test_docx_is_never_rewritten(tmp_path: Path) -> None:
    def fill(document: WordDocument) -> None:
        for _ in range(2):
            document.add_paragraph("Rescue crews reached the valley on Tuesday, the fire "
                                   "service said.")

    path = build(tmp_path, fill)
    before = path.read_bytes()
    [finding] = lint(path)
    assert finding.rule == "repeated-paragraph" and finding.delete is None
    for flag in ("--fix", "--diff"):
        out = io.StringIO()
        assert main([flag, str(path)], out, io.StringIO()) == 1
        assert "@@" not in out.getvalue()
    assert path.read_bytes() == before
    doc, decoded = read_bytes(str(path), before, "docx")
    assert decoded is None and doc.blocks


def test_missing_extra_is_a_read_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ReadError, match=r"pip install 'attrlint\[docx\]'"):
        read_docx("x.docx", b"PK")


def test_docx_cannot_be_read_from_text() -> None:
    with pytest.raises(ReadError, match="binary"):
        lint_text("Some text", "draft.docx")


_PIECES = ["Some 4,200 homes", " flooded", ", officials said", ". ", "Experts say",
           " the wall failed", " reportedly", " 12%", " of roads", " closed", "é", "“quoted”",
           " in 2019", " on Monday", " $1.8 billion", "   ", "\t"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), min_size=1,
                max_size=6),
       st.lists(st.booleans(), min_size=6, max_size=6))
def test_generated_documents_place_findings_exactly(texts: list[str],
                                                    linked: list[bool]) -> None:
    """Line N is paragraph N and the columns slice its text, whatever the paragraphs hold."""
    document = docx.Document()
    for text, link in zip(texts, linked, strict=False):
        paragraph = document.add_paragraph(text)
        if link:
            add_hyperlink(document, paragraph, " the county report", "https://example.org/r")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_docx("gen.docx", buffer.getvalue())
    lines = doc.source.split("\n")
    for finding in lint_document(doc, Config()):
        assert finding.line == finding.end_line
        line = lines[finding.line - 1]
        assert line[finding.column - 1:finding.end_column - 1] == finding.text
        assert finding.text and finding.text == finding.text.strip()
