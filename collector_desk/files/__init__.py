"""Tables in files: the spreadsheets and CSV files the bank hands us and the ones we hand back.

Below the stores and beside config: reading bounds what a hostile file can cost before any row
reaches a parser, writing neutralises what a spreadsheet would run as a formula.
"""
