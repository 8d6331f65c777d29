"""gracefully.ingest: see DESIGN.md."""
