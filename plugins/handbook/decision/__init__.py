"""The decision aid "Mag ik dit posten?": ``load`` validates ``data/beslishulp.yml`` and checks
that its questions form a tree, ``page`` renders the generated page ``mag-ik-dit-posten/``.
"""
