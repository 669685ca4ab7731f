"""Files at the edge: answers and results as CSV, Excel and JSON, read with limits and
written formula-safe."""
