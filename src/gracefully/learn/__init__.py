"""gracefully.learn: see DESIGN.md."""
