"""Sending the messages desks queue: the channels' adapters and the pass that runs them."""
