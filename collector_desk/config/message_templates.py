"""Message templates from resources/messages/*.toml, checked as they are read.

Like the call scripts, a template is written by a compliance officer: `collector-desk templates
check` names every defect by file, language and part, and the desk offers only templates that
pass.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from collector_desk.config.policy_packs import default_packs
from collector_desk.config.resources import resource
from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import (
    Audience,
    Defect,
    Template,
    TemplateDefect,
    Wording,
    check_template,
)
from collector_desk.domain.policy import PolicyPack


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Wording(_Strict):
    sms: str | None = Field(default=None, min_length=1, max_length=2000)
    subject: str | None = Field(default=None, min_length=1, max_length=200)
    email: str | None = Field(default=None, min_length=1, max_length=20_000)


class _Template(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")
    audience: Audience
    max_sms_segments: int = Field(default=2, ge=1, le=6)
    title: dict[str, str] = Field(min_length=1)
    debt_words: tuple[str, ...] = ()
    zh_CN: _Wording | None = None
    en: _Wording | None = None

    def domain(self) -> Template:
        wordings = {
            language: Wording(w.sms, w.subject, None if w.email is None else w.email.strip())
            for language, w in (("zh_CN", self.zh_CN), ("en", self.en))
            if w is not None
        }
        return Template(
            self.key,
            self.audience,
            wordings,
            dict(self.title),
            self.max_sms_segments,
            self.debt_words,
        )


class TemplateError(ValueError):
    """A file that is not a template at all (TOML or fields wrong)."""


@dataclass(frozen=True, slots=True)
class Checked:
    template: Template | None  # None: the file did not read
    defects: list[TemplateDefect]
    error: str = ""  # why the file did not read


def opt_out_channels(packs: Iterable[PolicyPack]) -> frozenset[Channel]:
    """A template may go to a customer under any pack, so it carries every opt-out one needs."""
    return frozenset(c for pack in packs for c in pack.messages.opt_out_channels)


def read_template(path: Path) -> Template:
    try:
        with path.open("rb") as fh:
            raw = _Template.model_validate(tomllib.load(fh))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'file'}: {e['msg']}" for e in exc.errors()
        )
        raise TemplateError(problems) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(str(exc)) from exc
    if raw.key != path.stem:
        raise TemplateError(f"key {raw.key!r} does not match the file name")
    return raw.domain()


def template_files(where: Path) -> list[Path]:
    return [where] if where.is_file() else sorted(where.glob("*.toml"))


def check_templates(
    where: Path | None = None, needs_opt_out: Collection[Channel] | None = None
) -> dict[Path, Checked]:
    where = where or resource("messages")
    needs = opt_out_channels(default_packs().values()) if needs_opt_out is None else needs_opt_out
    found: dict[Path, Checked] = {}
    for path in template_files(where):
        try:
            template = read_template(path)
        except TemplateError as exc:
            found[path] = Checked(None, [], str(exc))
            continue
        found[path] = Checked(template, check_template(template, needs))
    return found


def describe(path: Path, checked: Checked) -> list[str]:
    if checked.template is None:
        return [f"{path.name}: {checked.error}"]
    return [f"{path.name}: {_wording(d)}" for d in checked.defects]


_SAYS = {
    Defect.UNKNOWN_PLACEHOLDER: "unknown placeholder {{{detail}}}",
    Defect.DEBT_PLACEHOLDER: "a third-party message may not show {{{detail}}}: it tells of a debt",
    Defect.DEBT_WORD: "a third-party message may not say {detail!r}: it tells of a debt",
    Defect.TOO_MANY_SEGMENTS: "runs past its SMS budget: {detail} segments",
    Defect.NO_OPT_OUT: "has no {{{detail}}}, which a policy pack requires in every message",
    Defect.NO_SUBJECT: "an e-mail needs a subject",
    Defect.NO_TEXT: "has no wording in any language",
}


def _wording(defect: TemplateDefect) -> str:
    where = ".".join(p for p in (defect.language, defect.part) if p)
    said = _SAYS[defect.defect].format(detail=defect.detail)
    return f"{where}: {said}" if where else said


@cache
def default_templates() -> dict[str, Template]:
    """The shipped templates that pass every check, by key; a defective one is left out."""
    return {
        checked.template.key: checked.template
        for checked in check_templates().values()
        if checked.template is not None and not checked.defects
    }
