"""Call scripts: steps to say, answers that lead on, objections reachable from any step, and
what the call captured, turned into a contact log the collector confirms.

Scripts are data written by team leads and compliance officers (resources/scripts/*.toml,
read by config.scripts); this module is what they mean and how a call walks one. Two rules
hold whatever a script says:
- identity first: until the customer has confirmed who they are, nothing about the debt is
  said (`check` refuses such a script, and `CallSession` refuses to render such a step);
- a step that carries the policy pack's disclosures cannot be left until each was read.
"""

from __future__ import annotations

import enum
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contact_log import ContactEntry
from collector_desk.domain.contacts import Channel, Direction, Outcome

Text = Mapping[str, str]  # language → text

# What a step may show before the right party is confirmed, and what it may show after.
SAFE_BEFORE_IDENTITY = frozenset({"customer_name", "collector_name", "callback_number"})
DEBT_PLACEHOLDERS = frozenset(
    {
        "institution",
        "overdue",
        "balance",
        "minimum_due",
        "due_date",
        "dpd",
        "card_last4",
        "promise_amount",
        "promise_date",
    }
)
PLACEHOLDERS = SAFE_BEFORE_IDENTITY | DEBT_PLACEHOLDERS


class Objection(enum.StrEnum):
    CANNOT_PAY_NOW = "cannot_pay_now"
    ALREADY_PAID = "already_paid"
    NOT_MY_DEBT = "not_my_debt"
    WILL_COMPLAIN = "will_complain"
    HARDSHIP = "hardship"
    STOP_CONTACTING = "stop_contacting"
    WRONG_PERSON = "wrong_person"


# These can come before the customer is identified: they say nothing about a debt.
BEFORE_IDENTITY = frozenset({Objection.STOP_CONTACTING, Objection.WRONG_PERSON})


class FieldKind(enum.StrEnum):
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    TEXT = "text"


# The fields a step may capture, and of what kind; the log takes promise and callback.
CAPTURE_FIELDS: dict[str, FieldKind] = {
    "delinquency_reason": FieldKind.TEXT,
    "income": FieldKind.MONEY,
    "expenses": FieldKind.MONEY,
    "offered_amount": FieldKind.MONEY,
    "promise_amount": FieldKind.MONEY,
    "promise_date": FieldKind.DATE,
    "callback_at": FieldKind.DATETIME,
    "payment_reference": FieldKind.TEXT,
    "message_for_customer": FieldKind.TEXT,
    "new_contact_details": FieldKind.TEXT,
}


@dataclass(frozen=True, slots=True)
class Ending:
    outcome: Outcome
    flag: CaseFlag | None = None  # offered to the collector after the log, with its reason


@dataclass(frozen=True, slots=True)
class Answer:
    label: Text
    next: str | None = None  # a step id
    end: Ending | None = None
    confirms_identity: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    say: Text
    guide: Text = field(default_factory=dict)
    answers: tuple[Answer, ...] = ()
    capture: tuple[str, ...] = ()
    disclose: bool = False  # the pack's disclosures are read here, before moving on
    education: tuple[str, ...] = ()  # snippets the collector may offer here
    end: Ending | None = None  # a step that closes the call by itself


@dataclass(frozen=True, slots=True)
class ObjectionRoute:
    next: str | None = None
    end: Ending | None = None


@dataclass(frozen=True, slots=True)
class Applies:
    """Which calls the script is for; an empty set matches anything."""

    segments: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    third_party: bool = False  # for a number that is not the customer's own
    legal: bool = False  # for cases referred to legal
    priority: int = 0  # the more specific script wins a tie


@dataclass(frozen=True, slots=True)
class Script:
    id: str
    version: int
    title: Text
    languages: tuple[str, ...]
    start: str
    steps: Mapping[str, Step]
    objections: Mapping[Objection, ObjectionRoute]
    applies: Applies = field(default_factory=Applies)

    def text(self, text: Text, language: str) -> str:
        return text.get(language) or text.get(self.languages[0], "")


@dataclass(frozen=True, slots=True)
class Library:
    """Everything scripts share: the disclosures' words and the education snippets (by id,
    each with a title and a text per language), the objections' words."""

    disclosures: Mapping[str, Text]
    education: Mapping[str, tuple[Text, Text]]  # id → (title, text)
    objections: Mapping[Objection, tuple[Text, Text]]  # id → (label, what to say)


# -- checking ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Defect:
    step: str  # "" for the script as a whole
    reason: str  # a code: unknown_placeholder, unreachable, dead_end, ...
    detail: str = ""


_FIELD = re.compile(r"{([^{}]*)}")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check(script: Script, library: Library, disclosures: Iterable[str] = ()) -> list[Defect]:
    """Every defect a script has, by step: unknown placeholders, the debt said before the
    customer is identified, unreachable steps, dead ends, answers or objections pointing
    nowhere, missing translations, unknown captures, disclosures or snippets."""
    defects: list[Defect] = []
    steps = script.steps

    def translated(where: str, what: str, text: Text) -> None:
        missing = [lang for lang in script.languages if not (text.get(lang) or "").strip()]
        if missing:
            defects.append(Defect(where, "missing_translation", f"{what}: {', '.join(missing)}"))

    translated("", "title", script.title)
    if script.start not in steps:
        defects.append(Defect("", "no_start", script.start))
    for step in steps.values():
        translated(step.id, "say", step.say)
        if step.guide:
            translated(step.id, "guide", step.guide)
        for lang, text in step.say.items():
            try:
                unknown = placeholders(text) - PLACEHOLDERS
            except ValueError as exc:
                defects.append(Defect(step.id, "bad_placeholder", f"{lang}: {exc}"))
                continue
            if unknown:
                detail = ", ".join(sorted(unknown))
                defects.append(Defect(step.id, "unknown_placeholder", f"{lang}: {detail}"))
        for i, answer in enumerate(step.answers, start=1):
            translated(step.id, f"answer {i}", answer.label)
            if answer.next is not None and answer.next not in steps:
                defects.append(Defect(step.id, "answer_points_nowhere", f"{i} → {answer.next}"))
            if (answer.next is None) == (answer.end is None):
                defects.append(Defect(step.id, "answer_needs_one_way_on", str(i)))
        if not step.answers and step.end is None:
            defects.append(Defect(step.id, "dead_end"))
        defects += [
            Defect(step.id, "unknown_capture", name)
            for name in step.capture
            if name not in CAPTURE_FIELDS
        ]
        defects += [
            Defect(step.id, "unknown_education", name)
            for name in step.education
            if name not in library.education
        ]
    for objection in Objection:
        route = script.objections.get(objection)
        if route is None:
            defects.append(Defect("", "objection_unhandled", objection.value))
        elif route.next is not None and route.next not in steps:
            defects.append(Defect("", "objection_points_nowhere", f"{objection} → {route.next}"))
    for name in disclosures:
        if name not in library.disclosures:
            defects.append(Defect("", "unknown_disclosure", name))
    reachable, before_identity = _walk(script)
    defects += [Defect(s, "unreachable") for s in steps if s not in reachable]
    for step_id in sorted(before_identity):
        said = set().union(*(_named(t) for t in steps[step_id].say.values()))
        debt = said & DEBT_PLACEHOLDERS
        if debt:
            detail = ", ".join(sorted(debt))
            defects.append(Defect(step_id, "debt_before_identity", detail))
        if steps[step_id].disclose:
            defects.append(Defect(step_id, "disclosure_before_identity"))
    return defects


def _named(text: str) -> set[str]:
    """The {names} in a text, read leniently (a stray brace is the checker's to report)."""
    return set(_FIELD.findall(text))


def _walk(script: Script) -> tuple[set[str], set[str]]:
    """The steps reachable from the start, and those reachable before identity is confirmed
    (by answers, and by the objections allowed before identity)."""
    steps = script.steps
    reachable: set[str] = set()
    before: set[str] = set()
    todo = [(script.start, False)] if script.start in steps else []
    for objection, route in script.objections.items():
        if route.next is not None and route.next in steps:
            todo.append((route.next, objection not in BEFORE_IDENTITY))
    seen: set[tuple[str, bool]] = set()
    while todo:
        step_id, identified = todo.pop()
        if (step_id, identified) in seen:
            continue
        seen.add((step_id, identified))
        reachable.add(step_id)
        if not identified:
            before.add(step_id)
        for answer in steps[step_id].answers:
            if answer.next is not None and answer.next in steps:
                todo.append((answer.next, identified or answer.confirms_identity))
    return reachable, before


# -- choosing ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CallContext:
    segment: str
    direction: str  # "outbound" | "inbound"
    third_party: bool  # the number is not the customer's own
    legal: bool
    language: str  # the customer's


def choose(scripts: Iterable[Script], call: CallContext) -> Script | None:
    """The script for this call: the one whose conditions all hold and say the most."""

    def fits(a: Applies) -> bool:
        return (
            (not a.segments or call.segment in a.segments)
            and (not a.directions or call.direction in a.directions)
            and a.third_party == call.third_party
            and (not a.legal or call.legal)
        )

    def weight(s: Script) -> tuple[int, int, bool, str]:
        a = s.applies
        said = bool(a.segments) + bool(a.directions) + a.legal + a.third_party
        return (said, a.priority, call.language in s.languages, s.id)

    found = [s for s in scripts if fits(s.applies)]
    return max(found, key=weight) if found else None


# -- a call -----------------------------------------------------------------------------------
class ScriptError(ValueError):
    """A move the script does not allow now; `code` says why (the UI words it)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Visit:
    step: str
    entered_at: datetime
    left_at: datetime | None = None
    answer: int | None = None  # 1-based, as the collector pressed it
    objection: Objection | None = None


@dataclass(frozen=True, slots=True)
class CallResult:
    """What the call produced, for the contact log the collector confirms or edits."""

    outcome: Outcome
    flag: CaseFlag | None
    captured: Mapping[str, object]
    path: tuple[Visit, ...]
    objections: tuple[Objection, ...]
    disclosed: frozenset[str]
    missed_disclosures: frozenset[str]
    education: tuple[str, ...]
    identified: bool


class CallSession:
    """One call walking one script. The clock marks when each step is entered and left
    (training shows how long each took)."""

    def __init__(
        self,
        script: Script,
        library: Library,
        values: Mapping[str, str],
        disclosures: Iterable[str],
        clock: Callable[[], datetime],
    ) -> None:
        self.script, self.library, self.values = script, library, dict(values)
        self.required = tuple(disclosures)
        self._clock = clock
        self.identified = False
        self.disclosed: set[str] = set()
        self.captured: dict[str, object] = {}
        self.objections: list[Objection] = []
        self.education: list[str] = []
        self.path: list[Visit] = [Visit(script.start, clock())]
        self.ending: Ending | None = script.steps[script.start].end

    @property
    def step(self) -> Step:
        return self.script.steps[self.path[-1].step]

    @property
    def finished(self) -> bool:
        return self.ending is not None

    def say(self, language: str) -> str:
        """What to say now, in the customer's language, with the case's values filled in."""
        text = self.script.text(self.step.say, language)
        named = _named(text)
        if not self.identified and named & DEBT_PLACEHOLDERS:
            raise ScriptError("debt_before_identity", self.step.id)
        return text.format_map({k: self.values.get(k, "") for k in named})

    def pending_disclosures(self) -> tuple[str, ...]:
        if not self.step.disclose:
            return ()
        return tuple(d for d in self.required if d not in self.disclosed)

    def disclosure_text(self, name: str, language: str) -> str:
        text = self.script.text(self.library.disclosures.get(name, {}), language)
        return text.format_map({k: self.values.get(k, "") for k in _named(text)})

    def confirm_disclosure(self, name: str) -> None:
        if name not in self.required:
            raise ScriptError("unknown_disclosure", name)
        self.disclosed.add(name)

    def capture(self, name: str, value: object, text: str | None = None) -> None:
        """Keep what the customer said; `text` is how it reads in the script's later steps
        (a promised amount said back to the customer, in their currency)."""
        if name not in CAPTURE_FIELDS:
            raise ScriptError("unknown_capture", name)
        if value in (None, ""):
            self.captured.pop(name, None)
            self.values.pop(name, None)
        else:
            self.captured[name] = value
            self.values[name] = text if text is not None else str(value)

    def offer_education(self, name: str) -> None:
        if name not in self.library.education:
            raise ScriptError("unknown_education", name)
        if name not in self.education:
            self.education.append(name)

    def available_objections(self) -> tuple[Objection, ...]:
        if self.finished:
            return ()
        allowed = Objection if self.identified else BEFORE_IDENTITY
        return tuple(o for o in Objection if o in allowed and o in self.script.objections)

    def answer(self, number: int) -> None:
        """Take answer `number` (1-based) of this step."""
        self._can_move()
        answers = self.step.answers
        if not 1 <= number <= len(answers):
            raise ScriptError("no_such_answer", str(number))
        chosen = answers[number - 1]
        self.identified = self.identified or chosen.confirms_identity
        self._leave(answer=number)
        self._go(chosen.next, chosen.end)

    def object(self, objection: Objection) -> None:
        """The customer raised an objection: go where the script routes it."""
        if objection not in self.available_objections():
            raise ScriptError("objection_not_now", objection.value)
        route = self.script.objections[objection]
        self.objections.append(objection)
        self._leave(objection=objection)
        self._go(route.next, route.end)

    def _can_move(self) -> None:
        if self.finished:
            raise ScriptError("call_finished")
        pending = self.pending_disclosures()
        if pending:
            raise ScriptError("disclosures_pending", ", ".join(pending))

    def _leave(self, answer: int | None = None, objection: Objection | None = None) -> None:
        last = self.path[-1]
        self.path[-1] = Visit(last.step, last.entered_at, self._clock(), answer, objection)

    def _go(self, next_step: str | None, ending: Ending | None) -> None:
        if ending is not None:
            self.ending = ending
            return
        assert next_step is not None  # the checker guarantees one way on
        self.path.append(Visit(next_step, self._clock()))
        self.ending = self.script.steps[next_step].end

    def result(self) -> CallResult:
        """The call's outcome so far; a call hung up mid-script is right party (if the
        customer was identified) or third party, and the collector corrects it in the log."""
        ending = self.ending or Ending(
            Outcome.RIGHT_PARTY if self.identified else Outcome.THIRD_PARTY
        )
        said = {d for v in self.path for d in self._disclosures_of(v.step)}
        return CallResult(
            outcome=ending.outcome,
            flag=ending.flag,
            captured=dict(self.captured),
            path=tuple(self.path),
            objections=tuple(self.objections),
            disclosed=frozenset(self.disclosed),
            missed_disclosures=frozenset(said - self.disclosed),
            education=tuple(self.education),
            identified=self.identified,
        )

    def _disclosures_of(self, step_id: str) -> tuple[str, ...]:
        return self.required if self.script.steps[step_id].disclose else ()


def summary(
    script: Script,
    library: Library,
    result: CallResult,
    language: str,
    fmt: Callable[[str, object], str],
) -> str:
    """A short readable note for the contact log, in the collector's language: the script,
    the path by answers, objections, snippets offered and what was captured. `fmt(name,
    value)` words one captured field ("Promised: ¥500.00") the way the UI does."""
    t: Callable[[Text], str] = lambda text: script.text(text, language)  # noqa: E731
    parts = [f"{t(script.title)} v{script.version}"]
    for visit in result.path:
        step = script.steps[visit.step]
        if visit.answer is not None:
            parts.append(t(step.answers[visit.answer - 1].label))
        if visit.objection is not None:
            parts.append(t(library.objections[visit.objection][0]))
    lines = [" → ".join(parts)]
    if result.education:
        lines.append(", ".join(t(library.education[e][0]) for e in result.education))
    lines += [fmt(name, value) for name, value in result.captured.items()]
    return "\n".join(lines)


def log_entry(
    result: CallResult,
    note: str,
    contact_point_id: int | None,
    channel: Channel = Channel.CALL,
    direction: Direction = Direction.OUTBOUND,
) -> ContactEntry:
    """The contact log the call fills in, for the collector to confirm with one key or edit:
    the outcome, the promise (if that is how it ended), the callback and the summary note."""
    promised = result.outcome is Outcome.PROMISE_TO_PAY
    amount = result.captured.get("promise_amount") if promised else None
    day = result.captured.get("promise_date") if promised else None
    callback = result.captured.get("callback_at")
    return ContactEntry(
        channel=channel,
        outcome=result.outcome,
        contact_point_id=contact_point_id,
        direction=direction,
        note=note,
        promise_amount_minor=amount if isinstance(amount, int) else None,
        promise_date=day if isinstance(day, date) else None,
        callback_at=callback if isinstance(callback, datetime) else None,
    )
