"""Message templates: what a customer's SMS costs in segments, and what `collector-desk
templates check` refuses before a collector can send it."""

import subprocess
import sys

import pytest

from collector_desk.config.message_templates import check_templates, default_templates
from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.contacts import Channel
from collector_desk.domain.messages import SmsEncoding, fill, sms_length


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", SmsEncoding.GSM7, 0, 0),
        ("a" * 160, SmsEncoding.GSM7, 160, 1),
        ("a" * 161, SmsEncoding.GSM7, 161, 2),
        ("a" * 306, SmsEncoding.GSM7, 306, 2),
        ("a" * 307, SmsEncoding.GSM7, 307, 3),
        ("€" * 80, SmsEncoding.GSM7, 160, 1),  # an extension character costs two septets
        # 152 septets, then an escape pair that may not be split: it opens the second segment
        ("a" * 152 + "€" + "a" * 10, SmsEncoding.GSM7, 164, 2),
        ("a" * 152 + "€" * 77, SmsEncoding.GSM7, 306, 3),
        ("王" * 70, SmsEncoding.UCS2, 70, 1),  # Chinese: 70 characters a segment
        ("王" * 71, SmsEncoding.UCS2, 71, 2),
        ("王" * 134, SmsEncoding.UCS2, 134, 2),
        ("王" * 135, SmsEncoding.UCS2, 135, 3),
        ("a" * 159 + "王", SmsEncoding.UCS2, 160, 3),  # one Chinese character: all UCS-2
        ("🙂" * 35, SmsEncoding.UCS2, 70, 1),  # a surrogate pair is two units
    ],
)
def test_sms_length_counts_segments_as_a_phone_sends_them(text, encoding, units, segments):
    length = sms_length(text)
    assert (length.encoding, length.units, length.segments) == (encoding, units, segments)


def _template(tmp_path, name, body):
    path = tmp_path / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _defects(tmp_path, body, needs=(Channel.SMS, Channel.EMAIL)):
    path = _template(tmp_path, "sample", body)
    checked = check_templates(path, needs)[path]
    assert checked.template is not None, checked.error
    return sorted((d.language, d.part, d.defect.value, d.detail) for d in checked.defects)


HEAD = 'key = "sample"\naudience = "{audience}"\n[title]\nen = "Sample"\n'


def test_unknown_and_unsafe_placeholders_are_defects(tmp_path):
    body = HEAD.format(audience="debtor") + (
        '[en]\nsms = "Hi {customer_name} {nickname} {customer_name.__class__} {opt_out}"\n'
    )
    assert _defects(tmp_path, body) == [
        ("en", "sms", "unknown_placeholder", "customer_name.__class__"),
        ("en", "sms", "unknown_placeholder", "nickname"),
    ]


def test_a_third_party_message_may_not_tell_of_the_debt(tmp_path):
    body = HEAD.format(audience="third_party") + (
        '[zh_CN]\nsms = "请{customer_name}处理逾期{overdue}，回电{callback_number}。{opt_out}"\n'
        '[en]\nsms = "Please ask {customer_name} to call us about their Credit Card. {opt_out}"\n'
    )
    assert _defects(tmp_path, body) == [
        ("en", "sms", "debt_word", "credit card"),
        ("zh_CN", "sms", "debt_placeholder", "overdue"),
        ("zh_CN", "sms", "debt_word", "逾期"),
    ]


def test_an_sms_past_its_segment_budget_is_a_defect_at_its_longest(tmp_path):
    # 62 characters of text fit one Chinese segment, but not with the widest name beside them
    body = HEAD.format(audience="debtor").replace("[title]", "max_sms_segments = 1\n[title]") + (
        f'[zh_CN]\nsms = "{"请" * 62}{{customer_name}}{{opt_out}}"\n'
    )
    ((language, part, defect, detail),) = _defects(tmp_path, body)
    assert (language, part, defect) == ("zh_CN", "sms", "too_many_segments")
    assert detail.startswith("2/1 (")


def test_an_electronic_message_without_the_opt_out_a_pack_requires_is_a_defect(tmp_path):
    body = HEAD.format(audience="debtor") + (
        '[en]\nsms = "Hi {customer_name}"\nsubject = "Hello"\nemail = "Hi {customer_name}"\n'
    )
    assert _defects(tmp_path, body) == [
        ("en", "email", "no_opt_out", "unsubscribe_link"),
        ("en", "sms", "no_opt_out", "opt_out"),
    ]
    assert _defects(tmp_path, body, needs=()) == []  # no pack asks for one


def test_the_shipped_templates_pass_and_carry_what_the_packs_require():
    templates = default_templates()
    assert set(templates) == {
        "payment_reminder",
        "promise_confirmation",
        "plan_summary",
        "broken_promise",
        "pre_legal_notice",
        "third_party_callback",
    }
    us = default_packs()["US"].messages
    assert us.opt_out_channels == {Channel.SMS, Channel.EMAIL}  # Reg F 1006.6(e)
    assert us.is_opt_out(" stop ") and default_packs()["CN"].messages.is_opt_out("退订。")
    assert not us.is_opt_out("please stop calling me at work")  # a sentence is read by a person
    # the Chinese reminder at its plainest: the customer's figures and the pack's opt-out
    reminder = templates["payment_reminder"].wording("zh_CN")
    text = fill(
        reminder.sms,
        {
            "bank_name": "演示银行",
            "customer_name": "王芳",
            "card_last4": "1234",
            "overdue": "¥3,650.10",
            "due_date": "2026年12月10日",
            "callback_number": "400 000 0000",
            "opt_out": default_packs()["CN"].messages.opt_out_text["zh_CN"],
        },
    )
    assert text.endswith("回复TD退订") and sms_length(text).segments == 2
    assert templates["payment_reminder"].wording("en_US") is templates["payment_reminder"].wording(
        "en"
    )


def test_templates_check_names_each_defect_and_exits_1(tmp_path):
    _template(
        tmp_path,
        "third",
        'key = "third"\naudience = "third_party"\n[title]\nen = "x"\n'
        '[en]\nsms = "{customer_name} owes {overdue}. {opt_out}"\n',
    )
    _template(tmp_path, "broken", 'key = "broken"\naudience = "nobody"\n')
    out = subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", "templates", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert (
        "third.toml: en.sms: a third-party message may not show {overdue}: it tells of a debt"
        in lines
    )
    assert (
        "third.toml: en.sms: a third-party message may not say 'owe': it tells of a debt" in lines
    )
    assert any(line.startswith("broken.toml: audience: Input should be") for line in lines)
    assert "0 file(s) good, 2 with defects" in out.stderr
    shipped = subprocess.run(
        [sys.executable, "-m", "collector_desk.cli", "templates", "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shipped.returncode == 0 and "6 file(s) good" in shipped.stdout
