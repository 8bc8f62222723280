"""WordprocessingML as Word reads it: styles through ``basedOn``, header and footer text,
the parts of a package, and a profile's minimum type size applied to a document's styles.

One reader for every place that asks what a Word document's style sets: the DOCX writer
(raising a reference's small styles), the reference reader (the PDF following a
reference.docx) and ``verify`` (the run sizes of a stranger's DOCX). Everything here works on
lxml elements only; ``reference_format`` alone builds a ``Typography`` from what it reads.
"""
