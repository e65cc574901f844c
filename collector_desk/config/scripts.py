"""Call scripts from resources/scripts/*.toml, checked as they are read.

A script is written by a team lead or a compliance officer, not a programmer: a mistake in
one is reported with the file, the step and the reason, and the app keeps using the last good
version of that script (a copy kept beside the user's data) rather than a broken one.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from collector_desk.config.policy_packs import default_packs
from collector_desk.config.resources import resource
from collector_desk.domain.cases import CaseFlag
from collector_desk.domain.contacts import Outcome
from collector_desk.domain.scripts import (
    Answer,
    Applies,
    Defect,
    Ending,
    Library,
    Objection,
    ObjectionRoute,
    Script,
    Step,
    check,
)

LIBRARY_FILE = "library.toml"  # the disclosures, snippets and objections all scripts share
LAST_GOOD_SCRIPTS = "last-good-scripts"  # beside the user's data: each script's last good copy


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Ending(_Strict):
    outcome: Outcome
    flag: CaseFlag | None = None

    def domain(self) -> Ending:
        return Ending(self.outcome, self.flag)


class _Answer(_Strict):
    label: dict[str, str]
    next: str | None = None
    end: _Ending | None = None
    confirms_identity: bool = False


class _Step(_Strict):
    id: str = Field(min_length=1, max_length=64)
    say: dict[str, str]
    guide: dict[str, str] = {}
    answers: list[_Answer] = []
    capture: list[str] = []
    disclose: bool = False
    education: list[str] = []
    end: _Ending | None = None


class _Route(_Strict):
    next: str | None = None
    end: _Ending | None = None


class _Applies(_Strict):
    segments: list[str] = []
    directions: list[str] = []
    third_party: bool = False
    legal: bool = False
    priority: int = 0


class _Script(_Strict):
    id: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_]+$")
    version: int = Field(ge=1)
    languages: list[str] = Field(min_length=1)
    title: dict[str, str]
    start: str
    applies: _Applies = _Applies()
    objections: dict[Objection, _Route] = {}
    steps: list[_Step] = Field(min_length=1)


class _Snippet(_Strict):
    title: dict[str, str]
    text: dict[str, str]


class _ObjectionWords(_Strict):
    label: dict[str, str]
    say: dict[str, str]


class _Library(_Strict):
    disclosures: dict[str, dict[str, str]]
    education: dict[str, _Snippet]
    objections: dict[Objection, _ObjectionWords]


class ScriptFileError(ValueError):
    """A script (or the library) that cannot be used, with every defect found in it."""

    def __init__(self, path: Path, defects: list[Defect]) -> None:
        self.path, self.defects = path, defects
        super().__init__("\n".join(describe(path, d) for d in defects))


def describe(path: Path, defect: Defect) -> str:
    where = f"step {defect.step}" if defect.step else "script"
    detail = f" ({defect.detail})" if defect.detail else ""
    return f"{path.name}: {where}: {defect.reason}{detail}"


def _read(path: Path, model: type[BaseModel]):
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return model.model_validate(raw)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ScriptFileError(path, [Defect("", "unreadable", str(exc))]) from exc
    except ValidationError as exc:
        defects = [
            Defect(_step_of(raw, e["loc"]), "invalid", f"{_loc(e['loc'])}: {e['msg']}")
            for e in exc.errors()
        ]
        raise ScriptFileError(path, defects) from exc


def _loc(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def _step_of(raw: dict, loc: tuple) -> str:
    """The id of the step an error sits in, so the author finds it by name."""
    if len(loc) > 1 and loc[0] == "steps" and isinstance(loc[1], int):
        try:
            return str(raw["steps"][loc[1]].get("id", f"#{loc[1] + 1}"))
        except (IndexError, AttributeError, KeyError):
            pass
    return ""


def load_library(path: Path | None = None) -> Library:
    path = path or resource("scripts", LIBRARY_FILE)
    lib = _read(path, _Library)
    return Library(
        disclosures=lib.disclosures,
        education={k: (v.title, v.text) for k, v in lib.education.items()},
        objections={k: (v.label, v.say) for k, v in lib.objections.items()},
    )


def known_disclosures() -> set[str]:
    """Every disclosure any policy pack asks for: each script must be able to say them."""
    return {d for pack in default_packs().values() for d in pack.disclosures}


def load_script(path: Path, library: Library) -> Script:
    """The script at path, or ScriptFileError with every defect in it."""
    raw = _read(path, _Script)
    ids = [s.id for s in raw.steps]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    script = Script(
        id=raw.id,
        version=raw.version,
        title=raw.title,
        languages=tuple(raw.languages),
        start=raw.start,
        steps={
            s.id: Step(
                id=s.id,
                say=s.say,
                guide=s.guide,
                answers=tuple(
                    Answer(a.label, a.next, a.end and a.end.domain(), a.confirms_identity)
                    for a in s.answers
                ),
                capture=tuple(s.capture),
                disclose=s.disclose,
                education=tuple(s.education),
                end=s.end and s.end.domain(),
            )
            for s in raw.steps
        },
        objections={
            k: ObjectionRoute(v.next, v.end and v.end.domain()) for k, v in raw.objections.items()
        },
        applies=Applies(
            frozenset(raw.applies.segments),
            frozenset(raw.applies.directions),
            raw.applies.third_party,
            raw.applies.legal,
            raw.applies.priority,
        ),
    )
    defects = [Defect(i, "repeated_step") for i in repeated]
    defects += check(script, library, known_disclosures())
    if defects:
        raise ScriptFileError(path, defects)
    return script


def script_files(where: Path) -> list[Path]:
    if where.is_file():
        return [where]
    return sorted(p for p in where.glob("*.toml") if p.name != LIBRARY_FILE)


def check_scripts(where: Path | None = None) -> dict[Path, list[Defect]]:
    """Every script file at `where` (a file or a folder; the shipped ones by default) with
    its defects, an empty list for a good one. The library is checked too."""
    folder = where if where is None or where.is_dir() else where.parent
    folder = folder or resource("scripts")
    found: dict[Path, list[Defect]] = {}
    library_path = folder / LIBRARY_FILE
    if not library_path.exists():
        library_path = resource("scripts", LIBRARY_FILE)
    try:
        library = load_library(library_path)
        found[library_path] = []
    except ScriptFileError as error:
        return {library_path: error.defects}
    for path in script_files(where or folder):
        try:
            load_script(path, library)
            found[path] = []
        except ScriptFileError as error:
            found[path] = error.defects
    return found


@dataclass(frozen=True, slots=True)
class Loaded:
    scripts: list[Script]
    library: Library
    problems: list[ScriptFileError]  # bad files, each replaced by its last good copy if any
    fallbacks: list[str]  # the scripts running on a last good copy


def load_scripts(keep_dir: Path | None, where: Path | None = None) -> Loaded:
    """The usable scripts: each good file (a copy kept in keep_dir as its last good version),
    or for a bad one the last good copy; the problems say which and why. The library falls
    back the same way; without any library there are no scripts, and the guide says so."""
    folder = where or resource("scripts")
    problems: list[ScriptFileError] = []
    fallbacks: list[str] = []

    def load(path: Path, read):
        kept = keep_dir / path.name if keep_dir else None
        try:
            found = read(path)
        except ScriptFileError as error:
            problems.append(error)
            if kept is None or not kept.exists():
                return None
            try:
                found = read(kept)
            except ScriptFileError:
                return None  # the kept copy no longer fits this version either
            fallbacks.append(path.name)
            return found
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, kept)
        return found

    library = load(folder / LIBRARY_FILE, load_library)
    if library is None:
        return Loaded([], Library({}, {}, {}), problems, fallbacks)
    scripts = [load(path, lambda p: load_script(p, library)) for path in script_files(folder)]
    return Loaded([s for s in scripts if s is not None], library, problems, fallbacks)
