"""The call: the guide through a compliant conversation and the contact log."""
