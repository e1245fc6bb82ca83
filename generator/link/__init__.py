"""What follows from the documents taken together: organizations, tasks, cross-references."""
