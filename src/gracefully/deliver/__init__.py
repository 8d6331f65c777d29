"""gracefully.deliver: see DESIGN.md."""
