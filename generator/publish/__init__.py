"""The resolved corpus as pages and open-data files: views, templates, exports, the search index."""
