"""The caller's number out of what the phone names the far end."""

import pytest

from collector_desk.phone.caller import caller_number


@pytest.mark.parametrize(
    ("peer", "number"),
    [
        ("sip:+8613900001111@127.0.0.1:5080", "+8613900001111"),
        ("<sip:13900001111@pbx.bank.example;user=phone>", "+8613900001111"),  # a local caller
        ("tel:+61298765432", "+61298765432"),
        ("sips:%2B13125550142@pbx", "+13125550142"),
        ("01012345678", "+861012345678"),
        ("sip:anonymous@anonymous.invalid", None),  # withheld
        ("sip:2001@pbx", None),  # an extension inside the bank
        ("", None),
    ],
)
def test_a_caller_is_read_as_the_desks_country_unless_they_say(peer, number):
    assert caller_number(peer, "CN") == number
