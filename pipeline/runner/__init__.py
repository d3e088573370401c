"""Running files through ingest -> nlp -> tables, with a cache, and the run records."""
