"""gracefully.store: see DESIGN.md."""
