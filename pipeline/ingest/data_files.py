"""The files in models/shared/ingest/ that ingestion reads (no imports, so the
cache can hash them without loading spaCy: editing one must invalidate the
cached text)."""

from pathlib import Path

PATTERNS_DIR = Path(__file__).resolve().parents[2] / "models" / "shared" / "ingest"
FURNITURE = "furniture.jsonl"
LAYOUT = "layout.jsonl"
METADATA = "doc_metadata.jsonl"
HYPHEN_PREFIXES = "hyphen_prefixes.tsv"
NAME_LISTS = "name_lists.jsonl"
INGEST_DATA_FILES = (FURNITURE, LAYOUT, METADATA, HYPHEN_PREFIXES, NAME_LISTS)
