"""Vietnamese text: folding, slugs, dates, the vocabulary of kinds, the citation and deadline parsers. Imports nothing else of ours."""
