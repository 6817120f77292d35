"""The changelog from git: ``history`` reads the log once per build, ``entries`` groups it per
policy version and page, ``render`` writes the page ``wijzigingen/`` and "Wat is er veranderd"
on the home page.
"""
