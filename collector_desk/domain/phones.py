"""Phone numbers parsed and stored as E.164 (via Google's libphonenumber port)."""

from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

# What a mobile column may hold: some countries (the US, Canada) do not tell the two apart.
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


class InvalidPhoneNumber(ValueError):
    def __init__(self, reason: str = "not_a_phone_number") -> None:
        super().__init__(reason)
        self.reason = reason  # not_a_phone_number | not_a_mobile_number


@lru_cache(maxsize=4096)  # a file repeats a customer's numbers on each of their accounts
def to_e164(raw: str, default_region: str, mobile: bool = False) -> str:
    """Parse what a person typed or a file held; refuse anything that is not a valid number
    (for the region, unless written with its +country code) or, for `mobile`, not a mobile."""
    try:
        parsed = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber() from exc
    if mobile:
        # number_type is what is_valid_number computes (UNKNOWN: not valid), so a mobile
        # column asks once: half the cost of a million-line import's phone checks
        kind = phonenumbers.number_type(parsed)
        if kind == phonenumbers.PhoneNumberType.UNKNOWN:
            raise InvalidPhoneNumber()
        if kind not in MOBILE_TYPES:
            raise InvalidPhoneNumber("not_a_mobile_number")
    elif not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneNumber()
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str) -> str:
    """The international format a collector reads aloud: '+86 138 1234 5678'."""
    parsed = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def national_digits(e164: str, prefix: str = "") -> str:
    """How the number is dialled inside its own country, digits only and with its trunk
    prefix (010 1234 5678 -> 01012345678), behind the PBX's outside-line `prefix`."""
    parsed = phonenumbers.parse(e164, None)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return prefix + "".join(ch for ch in national if ch.isdigit())
