"""Bad text handed to the coder gets a clear error naming it, never a crash."""
import pytest

from dotterel.clean import check_text
from dotterel.errors import InputError


@pytest.mark.parametrize("value, reason", [
    ("", "empty text"),
    ("   \n\t ", "empty text"),
    (b"\xff\xfe\x00garbage\x80", "not UTF-8"),
    ("\x00\x01\x02\x03" * 50, "binary"),
    (12345, "expected text"),
])
def test_bad_text_is_refused_with_a_reason(value, reason):
    with pytest.raises(InputError) as err:
        check_text(value, "doc-7")
    assert err.value.name == "doc-7"
    assert reason in str(err.value)


def test_huge_text_is_refused_quickly():
    big = "Troops advanced on the city. " * 180_000  # about 5 MB
    with pytest.raises(InputError, match="more than the limit"):
        check_text(big, "huge.txt")


def test_utf8_bytes_are_accepted():
    assert check_text("Talks resumed in Geneva.".encode("utf-8")) == "Talks resumed in Geneva."


def test_coder_refuses_bad_documents_by_name(coder):
    with pytest.raises(InputError, match="big.txt: text has"):
        coder.code("Troops advanced. " * 400_000, doc_id="big.txt")
    with pytest.raises(InputError, match="unreadable publication date"):
        coder.code("Talks resumed.", published="not a date", doc_id="d2")
    assert coder.code("Talks resumed in Geneva on Monday.", published="2024-01-10").document.published == "2024-01-10"
