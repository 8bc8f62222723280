"""Generic readers: YAML with the location of every value, JSON with locations, and Markdown
(with pandoc's citation syntax, as pandoc's Markdown reader has it) into document-tree blocks.

Subjects read their own files with these: ``submission.load``, ``citations.sources_file``,
``profiles.load``, ``signatories.read``.
"""
