"""The page behind an e-mail's unsubscribe link, in the message's language. Opening the link
only asks (mail scanners open links on their own); the button, or a mail client's one-click
unsubscribe (RFC 8058, a POST to the same address), opts the address out of e-mail.

The service answers at /unsubscribe/{token}; IT publishes it at the address messages.toml's
unsubscribe_url names (a reverse proxy route), nothing else of the service being public."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from collector_desk.store.central.opt_outs import language_of, unsubscribe

Token = Annotated[str, Path(min_length=3, max_length=128)]

PAGES = {
    "zh_CN": {
        "title": "退订邮件",
        "ask": "确认后，我们将不再向此邮箱发送催收相关邮件。电话和短信不受影响。",
        "button": "确认退订",
        "done": "已退订。我们不会再向此邮箱发送此类邮件。",
        "unknown": "此退订链接无效或已过期。如需帮助，请致电您的发卡银行。",
    },
    "en": {
        "title": "Unsubscribe",
        "ask": "Once you confirm, we will send no more collection e-mails to this address. "
        "Calls and texts are not affected.",
        "button": "Unsubscribe",
        "done": "You are unsubscribed. We will send no more of these e-mails to this address.",
        "unknown": "This unsubscribe link is not valid. For help, call your card's bank.",
    },
}
PAGE: dict[int | str, dict[str, Any]] = {
    404: {"description": "not a link this store signed", "content": {"text/html": {}}},
    422: {"description": "a token of the wrong length"},
}


def _page(language: str | None, body: str, status_code: int = 200) -> HTMLResponse:
    words = PAGES["zh_CN"] if (language or "").startswith("zh") else PAGES["en"]
    lang = (language or "en").replace("_", "-")
    return HTMLResponse(
        f'<!doctype html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width">'
        f"<title>{html.escape(words['title'])}</title></head>"
        f"<body><h1>{html.escape(words['title'])}</h1>{body.format(**words)}</body></html>",
        status_code=status_code,
    )


def unsubscribe_routes(engine: Engine, clock: Callable[[], datetime]) -> APIRouter:
    router = APIRouter()

    @router.get("/unsubscribe/{token}", response_class=HTMLResponse, responses=PAGE)
    def ask(token: Token) -> HTMLResponse:
        language = language_of(engine, token)
        if language is None:
            return _page(None, "<p>{unknown}</p>", 404)
        return _page(
            language,
            '<p>{ask}</p><form method="post"><button type="submit">{button}</button></form>',
        )

    @router.post("/unsubscribe/{token}", response_class=HTMLResponse, responses=PAGE)
    def confirm(token: Token) -> HTMLResponse:
        language = unsubscribe(engine, token, clock())
        if language is None:
            return _page(None, "<p>{unknown}</p>", 404)
        return _page(language, "<p>{done}</p>")

    return router
