"""The gateway's side of messages: delivery receipts, and the texts customers send back (a
STOP or 退订 opts the number out), authenticated by a shared token that IT sets in the
service's environment (COLLECTOR_DESK_SMS_CALLBACK_TOKEN) and in the gateway's callbacks."""

import hmac
import os
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from collector_desk.store.central.message_receipts import NoSuchMessage, apply_receipt
from collector_desk.store.central.opt_outs import apply_reply

TOKEN_VARIABLE = "COLLECTOR_DESK_SMS_CALLBACK_TOKEN"
GATEWAY_CALL: dict[int | str, dict[str, Any]] = {
    400: {"description": "a body that cannot be read as JSON (not UTF-8)"},
    401: {"description": "not the gateway: a missing or wrong callback token"},
    403: {"description": "callbacks are not set up on this service"},
    413: {"description": "payload_too_large"},
    422: {"description": "a malformed body"},
}


class Receipt(BaseModel):
    id: str = Field(min_length=1, max_length=128)  # our message id, or the gateway's own
    status: Literal["delivered", "failed"]
    code: str | None = Field(default=None, max_length=64, pattern=r"^[\w.:-]*$")


class ReceiptAnswer(BaseModel):
    status: str


class Reply(BaseModel):
    """A text a customer sent to the bank's number, as the gateway forwards it."""

    sender: str = Field(alias="from", min_length=3, max_length=32, pattern=r"^\+[1-9]\d{2,30}$")
    text: str = Field(max_length=1600)


class ReplyAnswer(BaseModel):
    opted_out: int


def message_routes(engine: Engine, clock: Callable[[], datetime]) -> APIRouter:
    router = APIRouter()
    bearer = HTTPBearer(auto_error=False)

    def gateway(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> None:
        expected = os.environ.get(TOKEN_VARIABLE, "")
        if not expected:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "receipts are not set up here")
        given = "" if credentials is None else credentials.credentials
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "not the gateway")

    @router.post(
        "/api/v1/messages/receipts",
        response_model=ReceiptAnswer,
        responses={404: {"description": "no such message"}, **GATEWAY_CALL},
    )
    def receipt(body: Receipt, _gateway: Annotated[None, Depends(gateway)]) -> ReceiptAnswer:
        try:
            now_status = apply_receipt(
                engine, body.id, body.status == "delivered", body.code, clock()
            )
        except NoSuchMessage:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such message") from None
        return ReceiptAnswer(status=now_status.value)

    @router.post(
        "/api/v1/messages/replies",
        response_model=ReplyAnswer,
        responses=GATEWAY_CALL,
    )
    def reply(body: Reply, _gateway: Annotated[None, Depends(gateway)]) -> ReplyAnswer:
        return ReplyAnswer(opted_out=apply_reply(engine, body.sender, body.text, clock()))

    return router
