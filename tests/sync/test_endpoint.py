import pytest

from collector_desk.sync.endpoint import InsecureServer, check_server_url


@pytest.mark.parametrize(
    "url",
    [
        "https://desk.bank.example",
        "http://127.0.0.1:8470",
        "http://localhost:8470/",
        "http://[::1]:8470",
    ],
)
def test_https_anywhere_and_http_on_this_machine_are_accepted(url):
    assert check_server_url(url) == url.rstrip("/")


def test_plain_http_to_another_machine_needs_explicit_permission():
    with pytest.raises(InsecureServer):
        check_server_url("http://10.1.2.3:8470")
    assert check_server_url("http://10.1.2.3:8470", allow_http=True) == "http://10.1.2.3:8470"


@pytest.mark.parametrize("url", ["desk.bank", "ftp://desk.bank", "https://", ""])
def test_non_addresses_are_refused(url):
    with pytest.raises(ValueError):
        check_server_url(url)
