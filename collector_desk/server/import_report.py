"""What an import that was refused tells the person at the terminal, in their language: each
problem with its line, column, a short excerpt of the value and the reason, and no more than a
screenful of them."""

from __future__ import annotations

import os

from collector_desk.domain.allocation import DEFAULT_MAX_LENGTH, MAX_LENGTHS, CellError
from collector_desk.files.read_table import TableRefused

SHOWN = 100  # problems listed; the rest are counted

# reason: (English, Chinese); {limit} is the column's length where one applies
REASONS: dict[str, tuple[str, str]] = {
    "required": ("is required", "不能为空"),
    "missing_column": ("column is missing from the header", "表头缺少此列"),
    "unknown_column": ("is not a column of the allocation format", "不是分案文件格式中的列"),
    "not_a_country": ("is not a two-letter country code", "不是两位国家代码"),
    "not_a_time_zone": (
        "is not an IANA time zone such as Asia/Shanghai",
        "不是 IANA 时区（如 Asia/Shanghai）",
    ),
    "not_a_language": ("must be zh_CN or en_US", "必须是 zh_CN 或 en_US"),
    "not_a_phone_number": (
        "is not a valid phone number for the country",
        "不是该国家的有效电话号码",
    ),
    "not_a_mobile_number": (
        "is a valid number but not a mobile number",
        "是有效号码，但不是手机号码",
    ),
    "not_an_email": ("is not an e-mail address", "不是电子邮件地址"),
    "not_four_digits": ("must be the card's last four digits", "必须是卡号后四位"),
    "unknown_currency": ("is not a currency we know", "不是系统支持的币种"),
    "not_an_amount": ("is not an amount such as 1234.50", "不是金额（如 1234.50）"),
    "amount_too_large": (
        "is larger than any amount a card line may hold (resources/config/imports.toml)",
        "超出金额上限（resources/config/imports.toml）",
    ),
    "negative": ("cannot be negative", "不能为负数"),
    "not_a_whole_number": ("is not a whole number", "不是整数"),
    "dpd_too_large": (
        "is more days past due than a line may report (resources/config/imports.toml)",
        "逾期天数超出上限（resources/config/imports.toml）",
    ),
    "not_a_date": ("is not a date such as 2026-11-28", "不是日期（如 2026-11-28）"),
    "date_out_of_range": (
        "is outside the dates an import accepts (resources/config/imports.toml)",
        "超出导入允许的日期范围（resources/config/imports.toml）",
    ),
    "too_long": ("is longer than {limit} characters", "超过 {limit} 个字符"),
    "control_character": (
        "holds a control character (a tab, a line break or NUL)",
        "含有控制字符（制表符、换行或 NUL）",
    ),
    "more_than_balance": ("is larger than the balance", "大于余额"),
    "differs_within_case": (
        "differs from an earlier line of the same case",
        "与同一案件的前面行不一致",
    ),
    "differs_within_customer": (
        "differs from an earlier line of the same customer",
        "与同一客户的前面行不一致",
    ),
    "repeated": ("appears twice", "重复出现"),
    "no_such_user": ("is not a user of the central store", "不是中心库的用户"),
    "not_a_collector": ("is not a collector or team lead", "不是催收员或组长"),
    "belongs_to_another": ("belongs to another customer", "属于另一位客户"),
    "case_of_another_customer": (
        "is not the customer of this case in the central store (a case keeps its customer)",
        "与中心库中此案件的客户不符（案件不能更换客户）",
    ),
    "no_such_account": ("is not an account of the central store", "不是中心库中的账户"),
    "no_case": ("has no case", "没有对应的案件"),
    "not_a_time": (
        "is not a time with its offset, such as 2026-11-28T10:15:00+08:00",
        "不是带时区偏移的时间（如 2026-11-28T10:15:00+08:00）",
    ),
    "not_positive": ("must be more than zero", "必须大于零"),
    "unknown_source": (
        "must be bank_transfer, mobile_app, counter or auto_debit",
        "必须是 bank_transfer、mobile_app、counter 或 auto_debit",
    ),
    "unknown_policy_pack": (
        "is not a policy pack of this installation (resources/policy_packs)",
        "不是本系统的合规策略包（resources/policy_packs）",
    ),
    "not_a_region": (
        "is not a state or province of the customer's country (ISO 3166-2 without the "
        "country, e.g. NSW)",
        "不是该客户所在国家的州或省（ISO 3166-2 代码，不含国家，例如 NSW）",
    ),
}
# what files/read_table refuses a whole file for, in Chinese (its own detail is in English)
FILE_REASONS_ZH = {
    "not_a_workbook": "不是可读取的 XLSX 工作簿（已损坏、被截断，或只是改了扩展名）",
    "too_many_rows": "表头之后超过 {limit:,} 行",
    "too_many_columns": "第 {line} 行超过 {limit:,} 列",
    "cell_too_long": "第 {line} 行有单元格超过 {limit:,} 个字符",
    "declared_too_large": "工作表声明的范围超过 {limit:,} 个单元格",
    "zip_bomb": "压缩比或解压后的大小超出限制（可能是压缩炸弹）",
    "too_many_shared_strings": "共享字符串超过 {limit:,} 个",
    "unreadable_encoding": "第 {line} 行无法按文件的编码解码（可用 --encoding 指定编码）",
    "file_too_large": "文件超过 {limit:,} 字节",
    "empty": "文件为空，连表头都没有",
    "malformed_csv": "第 {line} 行不是合法的 CSV",
}
WORDS = {
    "en": (
        "line {row}, column {column}: ",
        "… and {more} more problem(s)",
        "the file: ",
        "{path} was not imported; nothing was changed:",
    ),
    "zh": (
        "第 {row} 行，{column} 列：",
        "……另有 {more} 个问题",
        "文件：",
        "{path} 未导入，数据未作任何更改：",
    ),
}


def language() -> str:
    """zh for a terminal whose locale is Chinese, en otherwise (the POSIX order of variables)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class FileRefused(ValueError):
    def __init__(
        self, errors: list[CellError], more: int = 0, whole: TableRefused | None = None
    ) -> None:
        super().__init__(f"{len(errors) + more} problem(s)")
        self.errors = errors
        self.more = more  # problems found beyond those listed
        self.whole = whole  # the whole file refused, before its lines were checked

    def report(self, lang: str | None = None) -> str:
        lang = lang or language()
        where, more, whole, _ = WORDS[lang]
        if self.whole is not None:
            zh = FILE_REASONS_ZH.get(self.whole.reason)
            if lang == "zh" and zh:
                line = "?" if self.whole.line is None else f"{self.whole.line:,}"
                return whole + zh.format(limit=self.whole.limit or 0, line=line)
            return whole + self.whole.detail
        lines = []
        for error in sorted(self.errors, key=lambda e: (e.row, e.column))[:SHOWN]:
            en, zh = REASONS.get(error.reason, (error.reason, error.reason))
            reason = (zh if lang == "zh" else en).format(
                limit=MAX_LENGTHS.get(error.column, DEFAULT_MAX_LENGTH)
            )
            value = f"{error.value!r} " if error.value else ""
            lines.append(where.format(row=error.row, column=error.column) + value + reason)
        hidden = self.more + max(0, len(self.errors) - SHOWN)
        if hidden:
            lines.append(more.format(more=hidden))
        return "\n".join(lines)

    def message(self, path, lang: str | None = None) -> str:
        lang = lang or language()
        return WORDS[lang][3].format(path=path) + "\n" + self.report(lang)
