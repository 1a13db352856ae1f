"""Reading the files the sites send, in every format and encoding they use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hierdesk.domain.errors import ValidationError
from hierdesk.domain.rows import read_rows

CSV = (
    "external_id,company_name,email\n"
    "JP-1,株式会社みなと商事,a@minato.example.jp\n"
    "JP-2,＝1+2,b@x.example.jp\n"
)


def test_csv_in_utf8_with_and_without_bom_and_in_cp932() -> None:
    expected = [
        (
            1,
            {
                "external_id": "JP-1",
                "company_name": "株式会社みなと商事",
                "email": "a@minato.example.jp",
            },
        ),
        (2, {"external_id": "JP-2", "company_name": "＝1+2", "email": "b@x.example.jp"}),
    ]
    assert list(read_rows(CSV.encode("utf-8"), "r.csv")) == expected
    assert list(read_rows(b"\xef\xbb\xbf" + CSV.encode("utf-8"), "r.csv")) == expected
    assert list(read_rows(CSV.encode("cp932"), "r.csv", "cp932")) == expected


def test_cp932_read_as_utf8_names_line_and_byte() -> None:
    with pytest.raises(ValidationError) as refused:
        list(read_rows(CSV.encode("cp932"), "r.csv"))
    assert refused.value.code == "file_not_decodable"
    assert refused.value.params["line"] == 2  # the first data line holds the first kanji
    assert "cp932" in refused.value.localized()


def test_json_array_and_json_lines_number_their_rows() -> None:
    data = b'[{"external_id": "A"}, 5, {"external_id": "B"}]'
    assert list(read_rows(data, "r.json")) == [
        (1, {"external_id": "A"}),
        (2, {}),
        (3, {"external_id": "B"}),
    ]
    lines = b'{"external_id": "A"}\n\n{"external_id": "B"}\n'
    assert list(read_rows(lines, "r.jsonl")) == [
        (1, {"external_id": "A"}),
        (3, {"external_id": "B"}),
    ]


def test_broken_json_is_refused_with_its_position() -> None:
    with pytest.raises(ValidationError) as refused:
        list(read_rows(b'{"a": 1}\n{"b": \n', "r.jsonl"))
    assert refused.value.code == "file_not_json"
    assert refused.value.params["line"] == 2
    with pytest.raises(ValidationError) as refused:
        list(read_rows(b'{"a": 1}', "r.json"))
    assert refused.value.code == "file_not_json_array"


@given(st.binary(max_size=300), st.sampled_from(["x.csv", "x.json", "x.jsonl", "x"]))
def test_random_bytes_give_rows_or_a_clear_refusal(data: bytes, name: str) -> None:
    refusal: ValidationError | None = None
    try:
        rows = list(read_rows(data, name))
    except ValidationError as error:
        refusal, rows = error, []
    assert all(row >= 1 and isinstance(record, dict) for row, record in rows)
    if refusal is not None:
        assert refusal.localized()


def test_an_unnamed_encoding_is_utf8_unless_a_csv_does_not_decode() -> None:
    from hierdesk.domain.rows import detect_encoding

    sjis = "株式会社みなと商事,ﾐﾅﾄ\r\n".encode("cp932")
    assert detect_encoding("requests.csv", sjis) == "cp932"
    assert detect_encoding("requests.csv", "株式会社\r\n".encode()) == "utf-8"
    assert detect_encoding("REQUESTS.JSON", sjis) == "utf-8"  # JSON is UTF-8 by definition
    assert detect_encoding("signins.jsonl", sjis) == "utf-8"
