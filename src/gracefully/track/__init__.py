"""gracefully.track: see DESIGN.md."""
