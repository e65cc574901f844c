"""Masking of personal identifiers for display; the full value is shown only on demand."""

MASK = "*"


def mask_card(last4: str) -> str:
    """A card number shown by its last four digits only: '**** **** **** 1234'."""
    if len(last4) != 4 or not last4.isdigit():
        raise ValueError("a card is identified by exactly four trailing digits")
    return f"**** **** **** {last4}"


def mask_national_id(national_id: str) -> str:
    """Keep the first three and last four characters, as Chinese banks print ID numbers."""
    if len(national_id) <= 7:
        return MASK * len(national_id)
    return national_id[:3] + MASK * (len(national_id) - 7) + national_id[-4:]


def mask_phone(e164: str) -> str:
    """'+8613812345678' -> '+86138****5678': enough to tell numbers apart, not to dial."""
    if len(e164) < 8:
        return MASK * len(e164)
    return e164[:-8] + MASK * 4 + e164[-4:]
