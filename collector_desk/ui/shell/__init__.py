"""Start-up, sign-in, the main window around the screens, the idle lock, sync status."""
