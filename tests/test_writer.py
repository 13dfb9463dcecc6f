"""build/writer.py: the permanent pages and citation files are written by a process of their own, exactly, and a
failure reaches the build as a sentence (the MkDocs adapter turns it into a PluginError), never a traceback."""

from __future__ import annotations

import pytest

from notes_core.build.writer import FileWriter, OutputError


def test_every_file_is_written_byte_for_byte(tmp_path):
    files = {
        "p/one/index.html": "<p>Quoted “words” — and an emoji 🙂</p>\n",
        "p/one/citation.bib": "@report{jf-one,\n  title = {{One}}\n}\n",
        "p/two/citation.json": "",
        "p/two/deeper/still/file.txt": "x" * 200_000,
    }
    writer = FileWriter(files, tmp_path / "site")
    writer.finish()
    written = {p.relative_to(tmp_path / "site").as_posix(): p for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert sorted(written) == sorted(files)
    for uri, content in files.items():
        assert written[uri].read_bytes() == content.encode("utf-8")
    assert not writer.folder.exists()  # the batch is gone


def test_a_failure_is_reported_with_its_reason(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "p").write_text("a file where a folder must go", encoding="utf-8")
    writer = FileWriter({"p/one/index.html": "<p>one</p>"}, site)
    with pytest.raises(OutputError) as raised:
        writer.finish()
    message = str(raised.value)
    assert message.startswith("could not write the permanent pages into the site: ")
    assert "Not a directory" in message or "File exists" in message
    assert "Traceback" not in message
    assert not writer.folder.exists()


def test_a_stopped_writer_leaves_no_batch_behind(tmp_path):
    writer = FileWriter({f"p/{n}/index.html": "<p>page</p>" for n in range(2_000)}, tmp_path / "site")
    writer.stop()
    assert writer.process.returncode is not None
    assert not writer.folder.exists()
