"""The two printable A4 sheets: the quick reference (``snelle-referentie/``) and the crisis card
(``crisiskaart/``).

``items`` collects the do's and don'ts, ``layout`` keeps the one-page budget, ``markdown`` holds
what both sheets share, ``onepager`` and ``crisiskaart`` put each sheet together, ``printing``
prints them to PDF, and ``site`` adds them to a build (the plugin calls it).
"""
