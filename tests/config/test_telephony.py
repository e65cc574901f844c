"""IT's telephony settings: what a desk dials through, and the mistakes refused with a reason."""

import pytest

from collector_desk.config.telephony import load_telephony


def _override(tmp_path, text):
    path = tmp_path / "telephony.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_desk_dials_nothing_unless_it_told_to():
    shipped = load_telephony()
    assert shipped.adapter == "none"


def test_an_override_names_the_adapter_and_the_link(tmp_path):
    settings = load_telephony(
        override=_override(
            tmp_path,
            'adapter = "uri"\nuri_template = "sip:{e164}@pbx.bank.example"\ndial_prefix = "9"\n',
        )
    )
    assert (settings.adapter, settings.uri_template, settings.dial_prefix) == (
        "uri",
        "sip:{e164}@pbx.bank.example",
        "9",
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('adapter = "skype"', "adapter is one of none, uri"),
        ('uri_template = "http://x/{e164}"', "starts with one of tel, sip, sips, callto"),
        ('uri_template = "tel:{phone}"', "not {phone}"),
        ('uri_template = "tel:5550142"', "holds one of"),
        ('uri_template = "tel:{e164"', "not a template"),
        ('dial_prefix = "9,"', "digits only"),
        ('ringtone = "loud"', "unknown setting(s) ringtone"),
        ('home_region = "XX"', "home_region is a country code"),
        ("ring_seconds = 2", "ring_seconds between 10 and 300"),
        ('adapter = "baresip"\nbaresip_port = 70000', "baresip_port between"),
    ],
)
def test_a_wrong_setting_is_refused_naming_it(tmp_path, text, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")) as err:
        load_telephony(override=_override(tmp_path, text + "\n"))
    assert "telephony.toml" in str(err.value)
