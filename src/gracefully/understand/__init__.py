"""gracefully.understand: see DESIGN.md."""
