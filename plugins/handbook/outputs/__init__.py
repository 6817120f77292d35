"""Outputs besides the normal site: the offline zip (``offline``), the whole policy as PDF
(``policy_pdf/``), a complete site per sector (``variants``), printing with Chromium
(``chromium``) and strict builds with changed options (``sitebuild``). The command line calls
these; the plugin only uses ``chromium`` for the sheets.
"""
