"""A business refusal: a code the UI words in the user's language, with its parameters.

The plan calculator, the legal stage machine and the flag rules raise their own kinds of it; the
server turns any of them into a recorded rejection of the pushed change.
"""


class Refused(ValueError):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
