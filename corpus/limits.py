"""Resource bounds for hostile or broken input, in one place so that each is documented
once: what a real UN report never comes near, and a crafted file must not exceed."""

# PDF: text and path objects on one page. A real page holds ~100-400; a page past this is
# machine-made or hostile, and reading it would cost minutes, so it is noted and skipped.
PAGE_OBJECTS = 50_000

# Word numbering: the largest start value Word itself accepts, and the longest level text
# ("%1.%2.%3." is 9 characters; Word's own limit is about 255).
NUMBER_MAX = 32_767
LEVEL_TEXT = 255

# ingest: one file's reading, in its worker process. A 329-page report is read in 136 MB
# (benchmarks/ingest_bench.py) and in seconds; the limits are generous because the machine
# may be shared and a real report may be far longer.
FILE_SECONDS = 300
FILE_MEMORY = 2 * 1024**3  # address space of the worker, bytes
