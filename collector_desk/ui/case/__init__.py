"""One case: the detail pane, flags, legal, repayment plans and their letter."""
