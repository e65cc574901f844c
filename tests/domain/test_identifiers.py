import pytest

from collector_desk.domain import masking, phones


def test_card_shows_only_last_four():
    assert masking.mask_card("1234") == "**** **** **** 1234"
    with pytest.raises(ValueError):
        masking.mask_card("12345")


def test_national_id_keeps_three_and_four():
    masked = masking.mask_national_id("11010519491231002X")
    assert masked == "110***********002X"
    assert "0519491231" not in masked


def test_phone_mask_hides_the_middle_digits():
    assert masking.mask_phone("+8613812345678") == "+86138****5678"


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("138 1234 5678", "CN", "+8613812345678"),
        ("+86 138-1234-5678", "US", "+8613812345678"),
        ("(212) 555-0123", "US", "+12125550123"),
    ],
)
def test_typed_numbers_are_stored_as_e164(raw, region, e164):
    assert phones.to_e164(raw, region) == e164


@pytest.mark.parametrize("raw", ["12345", "not a number", "+86 000 0000 0000", ""])
def test_invalid_numbers_are_refused(raw):
    with pytest.raises(phones.InvalidPhoneNumber):
        phones.to_e164(raw, "CN")


@pytest.mark.parametrize(
    ("raw", "region", "reason"),
    [
        ("(312) 555-0142", "CN", "not_a_mobile_number"),  # a Baoding landline, not a mobile
        ("010 6552 9988", "CN", "not_a_mobile_number"),
        ("5550142", "CN", "not_a_phone_number"),
    ],
)
def test_a_mobile_column_takes_only_mobile_numbers(raw, region, reason):
    with pytest.raises(phones.InvalidPhoneNumber) as refused:
        phones.to_e164(raw, region, mobile=True)
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    ("raw", "region"), [("138 1234 5678", "CN"), ("(312) 555-0142", "US"), ("0412 345 678", "AU")]
)
def test_mobiles_and_numbers_that_may_be_mobiles_pass_the_mobile_check(raw, region):
    assert phones.to_e164(raw, region, mobile=True).startswith("+")
