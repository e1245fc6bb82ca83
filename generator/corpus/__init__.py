"""The data folder read: load, schema validation, rules, the typed model."""
