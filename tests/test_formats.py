"""Documents (src/jazu/formats/): golden conversions of documents the project wrote itself
(tests/data/formats/NAME.EXT -> NAME.arab.EXT), the bytes outside the text kept, and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jazu
from conftest import DATA
from jazu.formats.docx import W
from jazu.formats.html import convert_html
from jazu.formats.jsonl import convert_lines
from jazu.formats.markdown import convert_markdown
from jazu.formats.subtitles import convert_subtitles

FORMATS = DATA / "formats"
SOURCES = sorted(p for p in FORMATS.iterdir() if ".arab." not in p.name)
TO_ARAB = jazu.Transliterator("cyrl", "arab")
SAME = jazu.Transliterator("cyrl", "cyrl")  # converts nothing: what comes out is what the format keeps
RUN = [sys.executable, "-m", "jazu"]


def _golden(source: Path) -> Path:
    return source.with_name(f"{source.stem}.arab{source.suffix}")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_golden_documents_through_the_api(source: Path, tmp_path: Path) -> None:
    out = tmp_path / source.name
    fmt = jazu.convert_file(source, out, target="arab")
    assert fmt == {".html": "html", ".srt": "srt", ".vtt": "vtt", ".md": "md", ".jsonl": "jsonl"}[source.suffix]
    assert out.read_bytes() == _golden(source).read_bytes()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_golden_documents_through_the_cli(source: Path) -> None:
    done = subprocess.run(RUN + ["--to", "arab", str(source)], capture_output=True)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == _golden(source).read_bytes()


def test_html_keeps_its_markup_and_sets_lang_and_dir() -> None:
    page = (FORMATS / "page.html").read_text(encoding="utf-8")
    out = _golden(FORMATS / "page.html").read_text(encoding="utf-8")
    for kept in ('<script>var s = "сөз";</script>', '<style>body { font-family: "Қазақ"; }</style>',
                 "<!-- түсініктеме: аударылмайды -->", "<pre>код ішінде</pre><code>сөз</code>",
                 'href="https://kaz.kz/сөз"', 'src="а.png"', 'value="сөз"', "&nbsp;", "&laquo;", "&amp;"):
        assert kept in page and kept in out
    assert '<html lang="kk-Arab" dir="rtl">' in out
    assert "قاز<b>اق</b>ستان" in out  # the split word read as one, the tags where they were
    assert 'title="باستى بەت"' in out and 'alt="سۋرەت: استانا"' in out and 'placeholder="ىزدەۋ"' in out
    back = jazu.convert_html(out, target="cyrl")
    assert '<html lang="kk-Cyrl" dir="ltr">' in back


MARKUP = ["<p>", "</p>", "<b>", "</b>", "<a href='сөз'>", "</a>", "<!-- сөз -->", "<script>сөз</script>",
          "&amp;", "&nbsp;", "&#1179;", "<img alt=\"сөз\" src=\"а.png\"/>", "<![CDATA[сөз]]>", "<?xml v?>",
          "<", ">", "&", "'", '"', " ", "\n", "Қаз", "ақ", "стан", "title=", "<br>", "</", "<!", "<!DOCTYPE x>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=40).map("".join))
def test_html_loses_no_byte(text: str) -> None:
    """With a converter that changes nothing, every page comes out byte for byte."""
    assert convert_html(text, SAME) == text
    assert convert_html(text, SAME, xml=True) == text


WELL_FORMED = [m for m in MARKUP if m not in ("<", ">", "&", "</", "<!")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WELL_FORMED), max_size=30).map("".join))
def test_html_converts_only_text(text: str) -> None:
    """Going to Arabic, what is not text keeps its Cyrillic: comments, scripts, URLs."""
    out = convert_html(text, TO_ARAB)
    for kept in re.findall(r"<!--.*?-->|<script>.*?</script>|href='[^']*'|<!\[CDATA\[.*?\]\]>", text):
        assert kept in out


def test_jsonl_fields_and_bad_lines() -> None:
    lines = ['{"a": "сөз", "b": {"c": ["біз", 1]}, "d": "https://x.kz/сөз"}\n', "not json\n", '"тіл"\n']
    skipped: List[int] = []
    out = list(convert_lines(lines, TO_ARAB, ["b.c"], "skip", skipped))
    assert out[0] == '{"a": "сөз", "b": {"c": ["ءبىز", 1]}, "d": "https://x.kz/сөз"}\n'
    assert out[1:] == ["not json\n", '"тіл"\n']  # a top-level string is not at b.c
    assert skipped == [2]
    assert list(convert_lines(lines[2:], TO_ARAB)) == ['"ءتىل"\n']  # every string, where no field is named
    with pytest.raises(jazu.DocumentError, match="line 2: not JSON"):
        list(convert_lines(lines, TO_ARAB))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(alphabet="абвгқазақ сөз\"\\\n/é", max_size=12)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(alphabet="кeyс", max_size=3), inner, max_size=4)),
    max_leaves=10,
)


def _convert_strings(value: Any) -> Any:
    if isinstance(value, str):
        return TO_ARAB(value)
    if isinstance(value, list):
        return [_convert_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _convert_strings(v) for k, v in value.items()}
    return value


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, st.booleans(), st.sampled_from(["", " ", "  "]))
def test_jsonl_converts_string_values_and_keeps_the_rest(value: Any, ascii_only: bool, indent: str) -> None:
    line = json.dumps(value, ensure_ascii=ascii_only, separators=("," + indent, ":" + indent))
    assert list(convert_lines([line + "\n"], SAME)) == [line + "\n"]
    out = list(convert_lines([line + "\r\n"], TO_ARAB, ["k"] if indent == "  " else ()))
    assert out[0].endswith("\r\n")
    if indent != "  ":
        assert json.loads(out[0]) == _convert_strings(value)


def test_subtitles_convert_cue_text_only() -> None:
    srt = (FORMATS / "cues.srt").read_text(encoding="utf-8")
    out = convert_subtitles(srt, TO_ARAB)
    timings = [line for line in srt.splitlines() if "-->" in line or line.isdigit()]
    assert timings == [line for line in out.splitlines() if "-->" in line or line.isdigit()]
    vtt = (FORMATS / "cues.vtt").read_text(encoding="utf-8")
    out = convert_subtitles(vtt, TO_ARAB, vtt=True)
    for kept in ("WEBVTT - Қазақша", "NOTE бұл түсініктеме", "::cue { color: white }", "<v Асқар>", "align:start"):
        assert kept in out


def test_markdown_keeps_code_and_targets() -> None:
    md = (FORMATS / "notes.md").read_text(encoding="utf-8")
    out = convert_markdown(md, TO_ARAB)
    for kept in ("`код сөз`", '```python\nprint("сөз")\n```', "    индент код", "(https://kaz.kz/сөз",
                 "<https://x.kz>", "https://abai.kz/сөз", "[1]: https://kaz.kz/сөз"):
        assert kept in out


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "[", "](", ")", "<b>", "</b>", "```\n", "    ", "\n", "сөз", " ", "http://x/y",
                                 "- ", "#", "[1]: ", "~~~\n", "<", ">"]), max_size=40).map("".join))
def test_markdown_loses_no_byte(text: str) -> None:
    assert convert_markdown(text, SAME) == text


def test_markdown_reads_a_word_split_by_an_inline_tag_as_one() -> None:
    assert convert_markdown("сөз<b>сөз", TO_ARAB) == "ءسوز<b>سوز"  # (found by the property below)


# The Arabic of сөз, сөзсөз, ...; a word split by an inline tag (сөз<b>сөз) is one word, whose
# front hamza stands once, before its first piece.
WORDS_BACK = {TO_ARAB("сөз" * k): "сөз" * k for k in range(1, 41)}
WORDS_BACK.update({TO_ARAB("сөз" * k).lstrip("ء"): "сөз" * k for k in range(1, 41)})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "[", "](", ")", "<b>", "</b>", "```\n", "    ", "\n", "сөз", " ", "http://x/y",
                                 "- ", "#", "[1]: ", "~~~\n", "<", ">", "*", "_", "сөз.", "\\"]), max_size=40).map("".join))
def test_markdown_changes_only_words_into_their_conversions(text: str) -> None:
    """With a converter that converts: the only change is a word into its conversion (the words
    here are сөз, сөзсөз, ...; what stays Cyrillic is code, a target or markup)."""
    out = convert_markdown(text, TO_ARAB)
    assert re.sub("[\u0621-\u06ff]+", lambda m: WORDS_BACK[m.group()], out) == text


def test_the_cli_formats_fields_and_errors(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"a": "сөз", "b": "біз"}\nbad\n', encoding="utf-8")
    done = subprocess.run(RUN + ["--to", "latn", "--field", "b", "--errors", "skip", str(rows)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == '{"a": "сөз", "b": "bız"}\nbad\n'
    assert "1 line not JSON, passed through unchanged (line 2)" in done.stderr
    done = subprocess.run(RUN + ["--to", "latn", str(rows)], capture_output=True, text=True)
    assert done.returncode == 1 and "rows.jsonl: line 2: not JSON" in done.stderr and "Traceback" not in done.stderr
    # by content from stdin, and a format named
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nСәлем\n"
    done = subprocess.run(RUN + ["--to", "latn"], input=vtt, capture_output=True, text=True)
    assert done.stdout == "WEBVTT\n\n00:01.000 --> 00:02.000\nSälem\n"
    done = subprocess.run(RUN + ["--to", "latn", "--format", "html"], input="<b title='сөз'>сөз</b>", capture_output=True, text=True)
    assert done.stdout == "<b title='söz'>söz</b>"
    done = subprocess.run(RUN + ["--to", "latn", "--format", "pdf"], input="x", capture_output=True, text=True)
    assert done.returncode == 2 and "unknown format 'pdf'" in done.stderr


def _word_document(path: Path) -> None:
    """A Word document written here: formatted runs (a word split by them), a list paragraph,
    a table, a header and a footer."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Қаз").bold = True
    paragraph.add_run("ақстан ").italic = True
    paragraph.add_run("Республикасы туралы.")
    document.add_paragraph("Біз келдік. ", style="List Bullet").add_run("Олар кетті.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Алматы", "2024 жыл"
    document.sections[0].header.paragraphs[0].text = "Жаңалықтар"
    document.sections[0].footer.paragraphs[0].text = "Бет"
    document.save(path)


def _runs(path: Path) -> list:
    import docx

    document = docx.Document(path)
    body = [[(r.text, r.bold, r.italic) for r in p.runs] for p in document.paragraphs]
    section = document.sections[0]
    return body + [[(c.text,) for c in document.tables[0].rows[0].cells],
                   [(section.header.paragraphs[0].text,), (section.footer.paragraphs[0].text,)]]


def test_docx_text_converted_and_formatting_kept(tmp_path: Path) -> None:
    source, arabic, back = tmp_path / "a.docx", tmp_path / "a.arab.docx", tmp_path / "a.cyrl.docx"
    _word_document(source)
    assert jazu.convert_file(source, arabic, target="arab") == "docx"
    assert _runs(arabic) == [
        [("قاز", True, None), ("اقستان ", None, True), ("رەسپۋبليكاسى تۋرالى.", None, None)],
        [("ءبىز كەلدىك. ", None, None), ("ولار كەتتى.", None, None)],
        [("الماتى",), ("2024 جىل",)],
        [("جاڭالىقتار",), ("بەت",)],
    ]
    import docx

    paragraphs = docx.Document(arabic).paragraphs
    assert all(p._p.pPr is not None and p._p.pPr.find(f"{{{W}}}bidi") is not None for p in paragraphs)
    assert paragraphs[1].style.name == "List Bullet"
    jazu.convert_file(arabic, back, target="cyrl")
    assert _runs(back)[0] == [("Қаз", True, None), ("ақстан ", None, True), ("Республикасы туралы.", None, None)]
    assert all(p._p.pPr is None or p._p.pPr.find(f"{{{W}}}bidi") is None for p in docx.Document(back).paragraphs)


def test_docx_through_the_cli_and_a_bad_file(tmp_path: Path) -> None:
    source = tmp_path / "a.docx"
    _word_document(source)
    done = subprocess.run(RUN + ["--to", "latn", str(source), "-o", str(tmp_path / "b.docx")], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert _runs(tmp_path / "b.docx")[0][0] == ("Qaz", True, None)
    piped = subprocess.run(RUN + ["--to", "latn"], input=source.read_bytes(), capture_output=True)  # told by content
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK")
    fake = tmp_path / "fake.docx"
    fake.write_text("сөз", encoding="utf-8")
    done = subprocess.run(RUN + ["--to", "latn", str(fake)], capture_output=True, text=True)
    assert done.returncode == 1 and "fake.docx: not a Word document" in done.stderr and "Traceback" not in done.stderr


# --- found in review: each a class of input that lost or altered bytes ---------------------------


def test_html_keeps_an_unfinished_tag_and_real_attributes_only() -> None:
    assert convert_html('<p>Сәлем <a href="http://мысал.kz/қазақ?a,b"', TO_ARAB) == (
        '<p>سالەم <a href="http://мысал.kz/қазақ?a,b"')
    assert convert_html("<p>Қазақ <!-- тілі, иә?", TO_ARAB) == "<p>قازاق <!-- тілі, иә?"
    assert convert_html('<html data-x=" lang=ru">x', TO_ARAB) == '<html data-x=" lang=ru" lang="kk-Arab" dir="rtl">x'
    assert convert_html("<html lang>x", TO_ARAB) == '<html lang="kk-Arab" dir="rtl">x'
    assert convert_html('<p title="Қазақ&nbsp;тілі">x</p>', TO_ARAB) == '<p title="قازاق&nbsp;ءتىلى">x</p>'


def test_digits_and_marks_never_move_across_tags() -> None:
    assert convert_html("<p>Дәл<i>123456</i></p>", TO_ARAB) == "<p>ءدال<i>123456</i></p>"
    to_cyrl = jazu.Transliterator("arab", "cyrl")
    assert convert_html("<p>ءومىرى<i>123456</i></p>", to_cyrl) == "<p>Өмірі<i>123456</i></p>"


def test_markdown_keeps_comments_scripts_and_bracketed_targets() -> None:
    md = "Сөз <!-- бір\nекі --> сөз\n<script>\nvar a = 'Қазақ';\n</script>\n[x](<./файл аты.md>) мәтін\n"
    out = convert_markdown(md, TO_ARAB)
    for kept in ("<!-- бір\nекі -->", "var a = 'Қазақ';", "(<./файл аты.md>)"):
        assert kept in out


def test_jsonl_lines_end_only_at_line_feeds_and_keep_a_bom() -> None:
    assert jazu.convert_jsonl('{"t": "Қазақ\u2028тілі"}\n', target="latn") == '{"t": "Qazaq\u2028tılı"}\n'
    assert jazu.convert_jsonl('\ufeff{"t":"Қазақ"}\n', target="latn") == '\ufeff{"t":"Qazaq"}\n'
    deep = "[" * 1500 + "]" * 1500 + "\n"
    with pytest.raises(jazu.DocumentError, match="line 1: not JSON \\(nested too deeply\\)"):
        jazu.convert_jsonl(deep, target="latn")
    assert jazu.convert_jsonl(deep, target="latn", errors="skip") == deep


def test_docx_tabs_separate_words_and_a_broken_part_is_an_error(tmp_path: Path) -> None:
    import zipfile

    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Қазақ")
    paragraph.add_run().add_tab()
    paragraph.add_run("тілі")
    source, out = tmp_path / "t.docx", tmp_path / "t.arab.docx"
    document.save(source)
    jazu.convert_file(source, out, target="arab")
    assert [r.text for r in docx.Document(out).paragraphs[0].runs] == ["قازاق", "\t", "ءتىلى"]
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("word/comments.xml", "<not xml")
    done = subprocess.run(RUN + ["--to", "latn", str(broken)], capture_output=True, text=True)
    assert "Traceback" not in done.stderr


def _events(text: str) -> list:
    """(kind, tag, raw) of each event of the tokenizer the HTML format uses."""
    from jazu.formats.html import _Events

    parser = _Events(text)
    parser.feed(text)
    tail = len(text) - len(parser.rawdata)
    events = parser.events
    return [(kind, tag, text[start:(events[k + 1][1] if k + 1 < len(events) else tail)])
            for k, (kind, start, tag) in enumerate(events)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP + ["<i>", "</i>", "<pre>", "</pre>", "<code>", "</code>", "123"]), max_size=40).map("".join))
def test_html_changes_only_text_going_to_arabic(text: str) -> None:
    """With a converter that converts: the same events, and every one but text and readable
    attributes byte for byte (comments, entities, end tags, script and pre contents)."""
    from jazu.formats.html import SKIP

    before, after = _events(text), _events(convert_html(text, TO_ARAB))
    assert [(k, t) for k, t, _ in before] == [(k, t) for k, t, _ in after]
    skipping = 0
    for (kind, tag, raw), (_, _, new) in zip(before, after):
        if kind == "start" and tag in SKIP:
            skipping += 1
        elif kind == "end" and tag in SKIP and skipping:
            skipping -= 1
        if kind in ("end", "other", "entity") or (kind == "data" and skipping):
            assert raw == new
        if kind == "data" and not skipping:
            assert re.sub(r"[\u0400-\u04ff\u0600-\u06ff]", "", raw.replace(",", "").replace("?", "").replace(";", "")) \
                == re.sub(r"[\u0400-\u04ff\u0600-\u06ff]", "", new.replace("،", "").replace("؟", "").replace("؛", "")
                          .replace(",", "").replace("?", "").replace(";", ""))


def _with_notes(source: Path, target: Path) -> None:
    """`source` with a footnote and an endnote added by hand (python-docx cannot write them):
    their parts, relationships and content types, as Word writes them."""
    import zipfile

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = {
        "footnotes": f'<w:footnotes {ns}><w:footnote w:id="1"><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Қаз</w:t></w:r>'
                     '<w:r><w:t xml:space="preserve">ақ тілі. </w:t></w:r><w:r><w:t>Біз</w:t></w:r></w:p></w:footnote></w:footnotes>',
        "endnotes": f'<w:endnotes {ns}><w:endnote w:id="1"><w:p><w:r><w:t>Соңы</w:t></w:r></w:p></w:endnote></w:endnotes>',
    }
    kinds = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
    relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                overrides = "".join(f'<Override PartName="/word/{n}.xml" ContentType="{kinds.format(n)}"/>' for n in notes)
                data = data.replace(b"</Types>", overrides.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                rels = "".join(f'<Relationship Id="rIdJazu{n}" Type="{relationship.format(n)}" Target="{n}.xml"/>' for n in notes)
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            zout.writestr(item, data)
        for name, xml in notes.items():
            zout.writestr(f"word/{name}.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)


def test_docx_footnotes_endnotes_and_comments(tmp_path: Path) -> None:
    import zipfile

    import docx
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph("Қазақстан")
    document.add_comment(paragraph.runs, text="Бұл түсініктеме", author="Асқар")
    plain, source, out = tmp_path / "plain.docx", tmp_path / "notes.docx", tmp_path / "notes.arab.docx"
    document.save(plain)
    _with_notes(plain, source)
    assert jazu.convert_file(source, out, target="arab") == "docx"

    def texts(name: str) -> List[List[str]]:
        with zipfile.ZipFile(out) as z:
            root = etree.fromstring(z.read(f"word/{name}.xml"))
        return [[t.text for t in p.iter(f"{{{W}}}t")] for p in root.iter(f"{{{W}}}p")]

    assert texts("footnotes") == [["قاز", "اق ءتىلى. ", "ءبىز"]]  # split by runs, read as one word
    assert texts("endnotes") == [["سوڭى"]]
    assert texts("comments") == [["بۇل تۇسىنىكتەمە"]]
    with zipfile.ZipFile(out) as z:
        footnotes = etree.fromstring(z.read("word/footnotes.xml"))
        assert footnotes.find(f".//{{{W}}}bidi") is not None and footnotes.find(f".//{{{W}}}i") is not None
        assert "word/footnotes.xml" in z.read("[Content_Types].xml").decode()
    assert docx.Document(out).paragraphs[0].text == "قازاقستان"
