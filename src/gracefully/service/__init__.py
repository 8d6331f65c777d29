"""gracefully.service: see DESIGN.md."""
