"""Report side: view-model, charts and rendering of a Comparison."""
