"""Help where people look for it: F1's shortcut sheet, the user guide and About."""
