"""The collector's queue: a million cases read a window at a time."""
