"""PySide6 lives here and only here (enforced by import-linter), one package a screen:
shell (start, sign-in, main window, lock, sync status), queue, case (detail pane and its
dialogs), call (guide and contact log), team (the lead's desk and numbers), and common
(formatting, labels, tables, theme, translations).
"""
