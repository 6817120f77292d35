"""The self-check quiz: ``load`` validates ``data/quiz.yml`` (and a sector's own questions),
``page`` renders the generated page ``quiz/``.
"""
