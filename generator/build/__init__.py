"""Running it all: the pipeline, writing, the CLI, the MkDocs adapter, preview, the link checker."""
