"""Reading LinkedIn's export (backend/imports/linkedin.py) from the generated exports of
harness/linkedin_export.py: every quirk of the real files, the rows it skips with
``file:line: why``, the files it refuses, and zips that try to exhaust memory or escape."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
from datetime import date

import pytest

from backend.imports.linkedin import MAX_FILE_BYTES, Malformed, read_files, read_path
from harness.linkedin_export import (
    connections_csv,
    education_csv,
    export_zip,
    fake_contacts,
    positions_csv,
    profile_csv,
)

CONTACTS = fake_contacts(50, seed=3)


def names(export) -> list[str]:
    return [row["name"] for row in export.connections]


@pytest.mark.parametrize("preamble", ["notes", "short", "none"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("crlf", [False, True])
def test_every_preamble_bom_and_line_end_reads_the_same_rows(preamble, bom, crlf):
    data = connections_csv(CONTACTS, preamble=preamble, bom=bom, crlf=crlf, trailing_empty=3)
    export = read_files([("Connections.csv", data)])
    assert names(export) == [f"{c.first_name} {c.last_name}" for c in CONTACTS]
    assert [r["url"] for r in export.connections] == [c.url for c in CONTACTS]
    assert [r["connected_on"] for r in export.connections] == [c.connected_on for c in CONTACTS]
    assert [r["position"] for r in export.connections] == [c.position for c in CONTACTS]
    assert export.rows_read == 50 and export.skipped == []


def test_quoted_commas_line_breaks_and_non_ascii_survive_and_lines_count_from_the_row_start():
    contacts = fake_contacts(400, seed=5)
    export = read_files([("Connections.csv", connections_csv(contacts))])
    assert [(r["company"], r["position"]) for r in export.connections] == [
        (c.company, c.position) for c in contacts
    ]
    assert any(r["company"] == "Acme, Inc." for r in export.connections)
    assert any(r["position"] == "Designer\nIllustrator" for r in export.connections)
    assert any(r["company"] == 'Hooli "Moonshots"' for r in export.connections)
    assert any("ł" in r["name"].lower() or "ø" in r["name"].lower() for r in export.connections)
    # The preamble is 3 lines and the header 1: the first row starts on line 5, and a row
    # after a quoted line break starts one line later than its index says.
    lines = [r["line"] for r in export.connections]
    assert lines[0] == 5
    breaks = sum(1 for c in contacts[:-1] if c.position and "\n" in c.position)
    assert lines[-1] == 5 + len(contacts) - 1 + breaks


def test_the_old_layout_without_urls_reads_with_no_url():
    export = read_files([("Connections.csv", connections_csv(CONTACTS, layout="old"))])
    assert names(export)[:3] == [f"{c.first_name} {c.last_name}" for c in CONTACTS[:3]]
    assert {r["url"] for r in export.connections} == {None}


def test_a_csv_is_told_by_its_header_not_its_name():
    data = positions_csv([{"company": "Acme", "title": "CTO", "start": date(2019, 3, 1)}])
    export = read_files([("my positions (1).csv", data)])
    assert export.positions[0] | {"file": None} == {
        "file": None,
        "line": 2,
        "company": "Acme",
        "title": "CTO",
        "description": None,
        "location": None,
        "start": 2019 * 12 + 2,
        "end": None,
    }


def test_education_years_and_the_profile_row():
    export = read_files(
        [
            (
                "Education.csv",
                education_csv([{"school": "MIT", "degree": "BSc", "start": 2010, "end": 2014}]),
            ),
            (
                "Profile.csv",
                profile_csv(
                    {
                        "first_name": "Ana",
                        "last_name": "Costa",
                        "headline": "Engineer",
                        "location": "Berlin",
                    }
                ),
            ),
        ]
    )
    assert (export.education[0]["start"], export.education[0]["end"]) == (2010 * 12, 2014 * 12 + 11)
    assert export.profile["name"] == "Ana Costa" and export.profile["location"] == "Berlin"


def test_unusable_rows_are_skipped_naming_file_and_line():
    text = (
        '"Notes:"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
        "Ana,Costa,https://www.linkedin.com/in/ana,,Acme,CTO,15 Mar 2024\r\n"
        ",,https://www.linkedin.com/in/nobody,,Acme,CTO,15 Mar 2024\r\n"
        "Ben,Okafor,https://www.linkedin.com/in/ben,,Acme,CTO,yesterday\r\n"
        "Cy,Lee,https://www.linkedin.com/in/cy,,Acme,CTO,15 Mar 2024,extra\r\n"
        ",,,,,,\r\n"
    )
    export = read_files([("Connections.csv", text.encode())])
    assert names(export) == ["Ana Costa"]
    assert export.skipped == [
        "Connections.csv:5: no name",
        "Connections.csv:6: Connected On 'yesterday' is not a date like 15 Mar 2024",
        "Connections.csv:7: 8 fields where the header has 7",
    ]
    assert export.rows_read == 4


@pytest.mark.parametrize(
    ("content", "where"),
    [
        (b"Notes:\r\nsomething,else\r\n1,2\r\n", "Connections.csv:1: no header row found"),
        (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b'Ana,Costa,,,"Acme,CTO,15 Mar 2024\n',
            "Connections.csv:2: not CSV",
        ),
        (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b"Ana,Costa,,,Acme,CTO,15 Mar 2024\nJos\xe9,X,,,Acme,CTO,15 Mar 2024\n",
            "Connections.csv:3: not UTF-8 text",
        ),
    ],
)
def test_a_malformed_file_names_its_file_and_line(content, where):
    with pytest.raises(Malformed) as refused:
        read_files([("Connections.csv", content)])
    assert str(refused.value).startswith(where)


def test_the_zip_as_linkedin_delivers_it_reads_only_the_four_files(tmp_path):
    files = {
        "Connections.csv": connections_csv(CONTACTS, bom=True),
        "Positions.csv": positions_csv(
            [{"company": "Acme", "title": "CTO", "start": date(2019, 3, 1)}]
        ),
        "messages.csv": b"this would be refused if it were read as a CSV",
        "Rich_Media.csv": b"\xff\xfe not even text",
    }
    export = read_files(
        [("Basic_LinkedInDataExport_12-05-2026.zip", export_zip(files, folder="export/"))]
    )
    assert len(export.connections) == 50 and len(export.positions) == 1
    assert export.connections[0]["file"].endswith("export/Connections.csv")
    archive = tmp_path / "export.zip"
    archive.write_bytes(export_zip(files))
    assert len(read_path(archive).connections) == 50


def test_paths_in_the_zip_never_touch_the_file_system(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../../tmp/evil/Connections.csv", connections_csv(CONTACTS[:2]))
        archive.writestr("/etc/Profile.csv", profile_csv({"first_name": "Ana"}))
    export = read_files([("export.zip", buffer.getvalue())])
    assert len(export.connections) == 2 and export.profile["name"] == "Ana"
    assert os.listdir(tmp_path) == [] and not os.path.exists("/tmp/evil")


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", bytes(MAX_FILE_BYTES * 3))  # ~100 KB zipped
    bomb = buffer.getvalue()
    assert len(bomb) < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(Malformed, match="unpacks to more than"):
            read_files([("bomb.zip", bomb)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * len(bomb) + 1_000_000  # nothing near the 96 MB it holds


def test_a_zip_that_understates_its_size_is_refused_when_read():
    content = connections_csv(CONTACTS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", content)
    data = bytearray(buffer.getvalue())
    # Declare 100 bytes, in the local header (offset 22) and the central directory (+24).
    struct.pack_into("<I", data, 22, 100)
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)
    with pytest.raises(Malformed, match="liar.zip/Connections.csv:1: cannot be unpacked"):
        read_files([("liar.zip", bytes(data))])


def test_a_damaged_zip_or_two_connections_files_are_malformed():
    with pytest.raises(Malformed, match="not a zip file"):
        read_files([("export.zip", b"PK\x03\x04 and then nothing")])
    twice = export_zip({"a/Connections.csv": connections_csv(CONTACTS), "b/Connections.csv": b""})
    with pytest.raises(Malformed, match="two Connections.csv"):
        read_files([("export.zip", twice)])
