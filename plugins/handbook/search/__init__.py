"""Search that finds what people type: each page's ``trefwoorden`` (front matter) go into
Material's search index as a field of their own (``trefwoorden``), searched first and never shown.
"""
