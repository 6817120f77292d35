"""``handbook nieuw``: make the handbook an organisation's own.

``defaults`` (what the answers leave out), ``answers`` (read, complete and check them as a
build would), ``questions`` (the questions in the terminal, with questionary), ``write`` (new
texts: data files, review dates, mkdocs.yml) and ``plan`` (work everything out first, then
write it, then say what is left to do). The command itself is in ``cli/adopt.py``.
"""
