"""Plain data and readers every layer shares: NoteText, errors, data-file readers, the models folder. Imports neither spaCy nor a PDF library."""
