"""Reading the files the sites send, in every format and encoding they use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hierdesk.domain.errors import ValidationError
from hierdesk.domain.rows import open_rows, read_rows

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


@pytest.mark.parametrize(
    ("data", "name", "records"),
    [
        (b'{"a": 1}\n\n{"b": 2}\n', "x.jsonl", 2),
        (b'{"a": 1}\r\n{"b": 2}', "x.jsonl", 2),
        (b'[{"a": 1}, 2, {"c": 3}]', "x.json", 3),
        (b"a,b\n1,2\n3,4\n", "x.csv", 2),
        (b"a,b\n1,2\n3,4", "x.csv", 2),
        (b'a,b\n"1\n2",3\n', "x.csv", 1),
        (b"", "x.jsonl", 0),
    ],
)
def test_the_count_for_a_progress_bar_is_never_below_the_records(
    data: bytes, name: str, records: int
) -> None:
    total, rows = open_rows(data, name)
    assert total >= records == len(list(rows))


def test_records_are_read_one_at_a_time() -> None:
    """An import checks a row before the next is read: a bad line far down a JSON Lines
    file is reported when it is reached, after the rows before it."""
    data = b'{"a": 1}\n{"a": 2}\n{broken\n'
    _total, rows = open_rows(data, "x.jsonl")
    assert next(rows) == (1, {"a": 1})
    assert next(rows) == (2, {"a": 2})
    with pytest.raises(ValidationError) as refused:
        next(rows)
    assert refused.value.code == "file_not_json"
    assert refused.value.params["line"] == 3
