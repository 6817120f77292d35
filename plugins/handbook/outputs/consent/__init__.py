"""The works council's consent request (``handbook instemming``).

``versions`` finds the policy versions the changelog knows and the two to compare; ``rules``
follows the do's and don'ts of every page through the git history between them; ``letter``
writes the letter and the appendix "Wat verandert er voor medewerkers" as HTML; ``build``
reads data and history and writes the request as Word (pandoc, house style) and PDF (Chromium).
"""
