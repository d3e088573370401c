"""The tuning loop over a run folder: eval, diff, review, explain."""
