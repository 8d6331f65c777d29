"""gracefully.write: see DESIGN.md."""
