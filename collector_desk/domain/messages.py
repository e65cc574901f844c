"""Written messages to a customer (SMS and e-mail): templates, their filling, and their checks.

A template is data a compliance officer writes (resources/messages/*.toml), one wording per
language. It may only use the placeholders named here; the text the customer reads is the
template with each placeholder replaced by a value the app supplies, never by evaluating
anything the template says (a `{x.__class__}` is a defect, not a lookup).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from collector_desk.domain.contacts import Channel

MESSAGE_CHANNELS = (Channel.SMS, Channel.EMAIL)


class Audience(enum.StrEnum):
    DEBTOR = "debtor"  # the customer themself
    THIRD_PARTY = "third_party"  # anyone else: must never learn of the debt


# Each placeholder with the longest value it plausibly takes, per language family: the segment
# budget of an SMS is judged with these, so a long name cannot push a message past its budget.
PLACEHOLDERS: Mapping[str, tuple[str, str]] = {
    # (widest in a Chinese wording, widest in a Latin one)
    "customer_name": ("欧阳娜娜娜", "Alexandra Montgomery-Smith"),
    "bank_name": ("某某银行信用卡中心", "Example Bank Card Services"),
    "card_last4": ("1234", "1234"),
    "overdue": ("¥1,234,567.89", "$1,234,567.89"),
    "due_date": ("2026年12月31日", "Dec 31, 2026"),
    "promise_amount": ("¥1,234,567.89", "$1,234,567.89"),
    "promise_date": ("2026年12月31日", "Dec 31, 2026"),
    "plan_installment": ("¥123,456.78", "$123,456.78"),
    "plan_months": ("60", "60"),
    "plan_first_date": ("2026年12月31日", "Dec 31, 2026"),
    "callback_number": ("400 123 4567", "+1 800 555 0199"),
    "collector_name": ("王小明", "Christopher Johnson"),
    # the policy pack's opt-out wording (SMS) and the unsubscribe link (e-mail)
    "opt_out": ("回复退订", "Reply STOP to opt out"),
    "unsubscribe_link": (
        "https://collect.example.com/u/0123456789abcdef0123456789abcdef",
        "https://collect.example.com/u/0123456789abcdef0123456789abcdef",
    ),
}
# What tells a reader there is a debt: a third-party message may hold none of them
DEBT_PLACEHOLDERS = frozenset(
    {
        "card_last4",
        "overdue",
        "due_date",
        "promise_amount",
        "promise_date",
        "plan_installment",
        "plan_months",
        "plan_first_date",
    }
)
# Words that disclose a debt in each language's third-party wording; a template's own file may
# add more (a bank knows its own euphemisms)
DEBT_WORDS: Mapping[str, tuple[str, ...]] = {
    "zh_CN": ("欠", "逾期", "还款", "债", "催收", "信用卡", "账单", "透支", "金额", "违约", "起诉"),
    "en": (
        "debt",
        "owe",
        "overdue",
        "past due",
        "payment",
        "balance",
        "collection",
        "credit card",
        "arrears",
        "lawsuit",
        "legal action",
    ),
}

_FIELD = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def placeholders_in(text: str) -> list[str]:
    """Every `{...}` in the text, as written (a malformed one included, for the checker)."""
    return _FIELD.findall(text)


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each known placeholder replaced; KeyError names one without a value."""
    return _FIELD.sub(lambda m: values[m.group(1)], text)


# ------------------------------------------------------------------------------- SMS length

# GSM 03.38's default alphabet and its extension table (an extension character costs two
# septets: an escape and itself). Anything else sends the whole message as UCS-2.
_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("\f^{}\\[~]|€")


class SmsEncoding(enum.StrEnum):
    GSM7 = "gsm7"
    UCS2 = "ucs2"


@dataclass(frozen=True, slots=True)
class SmsLength:
    encoding: SmsEncoding
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int  # what one segment of this message holds

    @property
    def left_in_segment(self) -> int:
        return self.segments * self.per_segment - self.units


def sms_length(text: str) -> SmsLength:
    """How an SMS of this text is sent: 160 GSM-7 septets or 70 UCS-2 units in one segment;
    longer, 153 or 67 a segment (the rest of each carries the header that joins them), and a
    two-unit character (an escape pair, a surrogate pair) never split across two segments."""
    if all(c in _GSM_BASIC or c in _GSM_EXTENSION for c in text):
        sizes = [2 if c in _GSM_EXTENSION else 1 for c in text]
        encoding, single, multi = SmsEncoding.GSM7, 160, 153
    else:
        sizes = [2 if ord(c) > 0xFFFF else 1 for c in text]
        encoding, single, multi = SmsEncoding.UCS2, 70, 67
    units = sum(sizes)
    if units <= single:
        return SmsLength(encoding, units, 1 if units else 0, single)
    segments, used = 1, 0
    for size in sizes:
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return SmsLength(encoding, units, max(segments, math.ceil(units / multi)), multi)


# ----------------------------------------------------------------------------------- templates


@dataclass(frozen=True, slots=True)
class Wording:
    """One language's text of a template; a channel it does not serve is None."""

    sms: str | None = None
    subject: str | None = None
    email: str | None = None  # plain text; the HTML part is made from it

    def texts(self) -> dict[str, str]:
        return {
            name: text
            for name, text in (("sms", self.sms), ("subject", self.subject), ("email", self.email))
            if text is not None
        }


@dataclass(frozen=True, slots=True)
class Template:
    key: str
    audience: Audience
    wordings: Mapping[str, Wording]  # by language: "zh_CN", "en"
    title: Mapping[str, str] = field(default_factory=dict)  # what a collector picks it by
    max_sms_segments: int = 2
    debt_words: tuple[str, ...] = ()  # more words this template's third-party text may not hold

    @property
    def channels(self) -> tuple[Channel, ...]:
        serves = {
            Channel.SMS: any(w.sms for w in self.wordings.values()),
            Channel.EMAIL: any(w.email for w in self.wordings.values()),
        }
        return tuple(c for c in MESSAGE_CHANNELS if serves[c])

    def wording(self, language: str) -> Wording | None:
        """The customer's language, else the same language of another region, else None."""
        if language in self.wordings:
            return self.wordings[language]
        base = language.split("_")[0]
        for known, wording in self.wordings.items():
            if known.split("_")[0] == base:
                return wording
        return None


class Defect(enum.StrEnum):
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"
    DEBT_PLACEHOLDER = "debt_placeholder"  # a third-party text with a debt figure in it
    DEBT_WORD = "debt_word"  # a third-party text that names the debt
    TOO_MANY_SEGMENTS = "too_many_segments"
    NO_OPT_OUT = "no_opt_out"
    NO_SUBJECT = "no_subject"
    NO_TEXT = "no_text"


@dataclass(frozen=True, slots=True)
class TemplateDefect:
    language: str
    part: str  # sms | subject | email
    defect: Defect
    detail: str = ""


def _widest(language: str) -> dict[str, str]:
    chinese = language.startswith("zh")
    return {name: samples[0 if chinese else 1] for name, samples in PLACEHOLDERS.items()}


def check_template(
    template: Template, opt_out_channels: Collection[Channel]
) -> list[TemplateDefect]:
    """Everything wrong with a template, by language and part. `opt_out_channels`: where the
    policy packs the template may be sent under require an opt-out in every message (Reg F
    1006.6(e) for e-mail and SMS in the US)."""
    if not any(w.texts() for w in template.wordings.values()):
        return [TemplateDefect("", "", Defect.NO_TEXT)]
    defects: list[TemplateDefect] = []
    for language, wording in sorted(template.wordings.items()):
        for part, text in wording.texts().items():
            defects += _placeholder_defects(template, language, part, text)
            if template.audience is Audience.THIRD_PARTY:
                defects += _debt_words(template, language, part, text)
        if wording.email is not None and not wording.subject:
            defects.append(TemplateDefect(language, "subject", Defect.NO_SUBJECT))
        if wording.sms is not None:
            defects += _over_budget(template, language, wording.sms)
        for channel, part, needed in (
            (Channel.SMS, "sms", "opt_out"),
            (Channel.EMAIL, "email", "unsubscribe_link"),
        ):
            written = wording.texts().get(part)
            if (
                channel in opt_out_channels
                and written is not None
                and needed not in _names(written)
            ):
                defects.append(TemplateDefect(language, part, Defect.NO_OPT_OUT, needed))
    return defects


def _names(text: str) -> list[str]:
    return [n for n in placeholders_in(text) if _NAME.fullmatch(n) and n in PLACEHOLDERS]


def _placeholder_defects(
    template: Template, language: str, part: str, text: str
) -> list[TemplateDefect]:
    defects = []
    for name in placeholders_in(text):
        if not _NAME.fullmatch(name) or name not in PLACEHOLDERS:
            defects.append(TemplateDefect(language, part, Defect.UNKNOWN_PLACEHOLDER, name))
        elif template.audience is Audience.THIRD_PARTY and name in DEBT_PLACEHOLDERS:
            defects.append(TemplateDefect(language, part, Defect.DEBT_PLACEHOLDER, name))
    return defects


def _debt_words(template: Template, language: str, part: str, text: str) -> list[TemplateDefect]:
    words = (*DEBT_WORDS.get(language.split("_")[0], ()), *DEBT_WORDS.get(language, ()))
    lowered = _FIELD.sub(" ", text).casefold()  # a placeholder's name is not its text
    return [
        TemplateDefect(language, part, Defect.DEBT_WORD, word)
        for word in dict.fromkeys((*words, *template.debt_words))
        if word.casefold() in lowered
    ]


def _over_budget(template: Template, language: str, sms: str) -> list[TemplateDefect]:
    """The SMS at its longest (each placeholder at its widest value) within its segments."""
    if len(_names(sms)) != len(placeholders_in(sms)):
        return []  # an unknown placeholder is reported already and has no width
    length = sms_length(fill(sms, _widest(language)))
    if length.segments <= template.max_sms_segments:
        return []
    detail = (
        f"{length.segments}/{template.max_sms_segments} "
        f"({length.units} {length.encoding.value} units at its longest)"
    )
    return [TemplateDefect(language, "sms", Defect.TOO_MANY_SEGMENTS, detail)]
