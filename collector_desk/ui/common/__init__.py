"""What every screen uses: formatting, labels, tables, theme, translations."""
