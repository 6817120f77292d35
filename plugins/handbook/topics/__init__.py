"""Topics that do not apply: ``onderwerpen_uit`` in ``data/organisatie.yml``.

``select`` checks the list (known pages, never a page the policy cannot do without) and takes
the switched-off pages out of the menu, the sector's rules and the quiz; ``unlink`` is the
Markdown extension that removes links to them from the other pages. The plugin wires both.
"""
