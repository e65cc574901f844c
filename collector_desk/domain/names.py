"""A customer's surname, as a collector searches for it.

A Chinese name is written surname first: one character, or two for the compound surnames
(欧阳, 司马, ...). A Western name is written surname last: its last word, case-folded.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff]")

# The compound (two-character) Chinese surnames in use today.
_COMPOUND = (
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫"
    " 宗政 濮阳 公冶 太叔 申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官"
    " 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延"
    " 东郭 南门 羊舌 微生 公户 公玉 公仪 梁丘 公仲 公上 公门 公山 公坚 左丘 公伯 西门 公祖"
    " 第五 公乘 贯丘 公皙 南荣 东里 东宫 仲长 子书 子桑 即墨 达奚 褚师"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND.split())


def surname(full_name: str) -> str:
    """The surname of a full name, case-folded; "" when there is none to tell."""
    name = full_name.strip()
    if not name:
        return ""
    if _CJK.match(name):
        return name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    return name.split()[-1].casefold()


def as_chinese_surname(typed: str) -> str | None:
    """What a collector typed, if it may be a Chinese surname: one or two Chinese characters
    and nothing else; None for anything else."""
    typed = typed.strip()
    if 1 <= len(typed) <= 2 and all(_CJK.match(ch) for ch in typed):
        return typed
    return None
