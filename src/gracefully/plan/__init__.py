"""gracefully.plan: see DESIGN.md."""
