"""The social media policy handbook: MkDocs plugin, data model and command-line tool.

Where things live:

- ``plugin.py`` wires MkDocs events to the plain modules below, ``config.py`` is its typed
  configuration, ``generated.py`` adds a generated page to a build, ``serve.py`` makes
  ``mkdocs serve`` poll quicker, ``prepare.py`` reads what one build knows before MkDocs reads
  a page (data, topics, sectors, the list of problems), ``pagecheck.py`` checks the pages
  while they are built, ``links.py`` puts MkDocs' link warnings in Dutch, ``lazyimports.py``
  loads a library another plugin imports but a build never uses only when it is used.
- ``core/``: the data (YAML with line numbers, models, validation, loading, placeholders,
  dates, build cache).
- ``content/``: tables and boxes that pages ask for through macros, facts per platform.
- ``topics/``: topics that do not apply (``onderwerpen_uit``) and the links to them.
- ``adopt/``: ``handbook nieuw``, making the handbook an organisation's own.
- One folder per generated page: ``sheets/`` (quick reference and crisis card), ``quiz/``,
  ``decision/`` (the decision aid), ``changelog/``, ``sectors/``; each has a ``site`` module
  that adds its page to a build. ``search/`` adds the pages' keywords to the search index.
- ``review/``: the editors' checks (review dates, owners, CODEOWNERS, ``handbook check``).
- ``outputs/``: the offline zip, the policy PDF and Word file, the works council's consent
  request, the sector variants, printing with Chromium.
- ``cli/``: the ``handbook`` command, one module per group of commands.
"""

from __future__ import annotations

__version__ = "0.1.0"
