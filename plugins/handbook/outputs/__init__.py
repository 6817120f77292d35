"""Outputs besides the normal site: the offline zip (``offline``), the whole policy as PDF
(``policy_pdf/``) and as Word (``word/``), the works council's consent request (``consent/``),
a complete site per sector (``variants``), printing with Chromium (``chromium``; ``printer``
starts it in the background and prints several pages at once), strict builds with changed
options (``sitebuild``) and the check of an output folder (``destination``). The command line
calls these; the plugin only uses ``chromium`` and ``printer`` for the sheets.
"""
