"""unnotes: turn a folder of UN meeting notes into reviewable tables.

Data flows one way, one module a step:
PDF/.txt -> ingest (pages with layout -> cleaned text with a map back to pages)
-> nlp (spaCy Doc with STATE/ORG/DATE/REFERENCE entities and recommendations)
-> tables (pandas DataFrames) -> output (CSV, review page).
"""

__version__ = "0.1.0"
