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
from datetime import date

from collector_desk.domain.contacts import Channel
from collector_desk.domain.wording import date_in, money_in

MESSAGE_CHANNELS = (Channel.SMS, Channel.EMAIL)


class MessageStatus(enum.StrEnum):
    QUEUED = "queued"  # written on a desk; the central store has not sent it yet
    REFUSED = "refused"  # the central store's rules said no (hours, cap, opt-out): never sent
    SENT = "sent"  # the relay or the gateway took it
    DELIVERED = "delivered"  # the gateway's receipt says it reached the phone
    FAILED = "failed"  # given up after retries, or the gateway reported it undeliverable


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
    "deadline": ("2026年12月31日", "Dec 31, 2026"),  # the final notice's date to pay or agree
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
        "deadline",
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


# ------------------------------------------------------------------------- filling from a case


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """What a message may tell about one case, in the customer's language: gathered by
    store/shared/message_facts.py the same way on the desk (the preview) and the server (what
    is sent)."""

    language: str
    customer_name: str
    bank_name: str
    callback_number: str
    collector_name: str
    currency: str
    overdue_minor: int
    card_last4: str
    due_date: date  # the date a reminder asks payment by
    deadline: date  # the final notice's: pay or agree by then, or legal steps may follow
    promise: tuple[int, date] | None = None  # the latest open promise: amount, due date
    plan: tuple[int, int, date] | None = None  # the active plan: installment, count, first due
    opt_out: str = ""  # the pack's opt-out wording for an SMS
    unsubscribe_link: str = ""


def message_values(facts: MessageFacts) -> dict[str, str]:
    """Each placeholder's text for this case; a placeholder the case cannot fill (no promise,
    no plan) is absent, and a template that needs it cannot be sent for this case."""
    language = facts.language

    def money(minor: int) -> str:
        return money_in(language, minor, facts.currency)

    values = {
        "customer_name": facts.customer_name,
        "bank_name": facts.bank_name,
        "card_last4": facts.card_last4,
        "overdue": money(facts.overdue_minor),
        "due_date": date_in(language, facts.due_date),
        "deadline": date_in(language, facts.deadline),
        "callback_number": facts.callback_number,
        "collector_name": facts.collector_name,
        "opt_out": facts.opt_out,
    }
    if facts.unsubscribe_link:
        values["unsubscribe_link"] = facts.unsubscribe_link
    if facts.promise is not None:
        amount, due = facts.promise
        values |= {"promise_amount": money(amount), "promise_date": date_in(language, due)}
    if facts.plan is not None:
        installment, count, first = facts.plan
        values |= {
            "plan_installment": money(installment),
            "plan_months": str(count),
            "plan_first_date": date_in(language, first),
        }
    return values


@dataclass(frozen=True, slots=True)
class Composed:
    """A message as the customer will read it."""

    channel: Channel
    language: str
    body: str
    subject: str | None = None

    @property
    def length(self) -> SmsLength | None:
        return sms_length(self.body) if self.channel is Channel.SMS else None


class CannotCompose(ValueError):
    def __init__(self, reason: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason  # no_wording | no_channel | missing_values
        self.missing = missing


def compose(template: Template, channel: Channel, facts: MessageFacts) -> Composed:
    """The template filled for this case, in the customer's language (else the template's
    English); CannotCompose says why not."""
    wording = template.wording(facts.language) or template.wording("en")
    if wording is None:
        raise CannotCompose("no_wording")
    text = wording.sms if channel is Channel.SMS else wording.email
    if text is None:
        raise CannotCompose("no_channel")
    language = facts.language if template.wording(facts.language) is not None else "en"
    values = message_values(facts)
    parts = [text] if wording.subject is None or channel is Channel.SMS else [text, wording.subject]
    missing = tuple(sorted({n for part in parts for n in _names(part) if n not in values}))
    if missing:
        raise CannotCompose("missing_values", missing)
    subject = None if channel is Channel.SMS or wording.subject is None else wording.subject
    return Composed(
        channel,
        language,
        fill(text, values),
        None if subject is None else fill(subject, values),
    )
