"""Citations: the bibliography, resolving ``[@key]`` into Bluebook footnotes, and validation."""
