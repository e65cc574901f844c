"""The desk's telephony adapters: dial, hang up, call events. I/O, no Qt; the UI turns their
events into signals. A bank's own CTI implements `adapter.Phone` the same way."""
