"""Checks for editors: review dates and the overdue notice (``dates``), the pages as the checks
see them (``pages``), the scheduled review issue (``issue``), CODEOWNERS (``codeowners``),
unknown placeholders without a build (``placeholders``), the whole ``handbook check``
(``project``), plain-language figures (``readability``) and a pull request's preview summary
(``preview``).
"""
