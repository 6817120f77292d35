"""Sector rules: load the sector files (``load``) and show them (``page``).

Used by the plugin (``{{ sector_regels("privacy") }}`` and the page ``sector/``), by the
one-pager, by ``handbook check`` and by the variants.
"""
