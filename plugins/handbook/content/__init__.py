"""The Markdown pages ask for by name: tables from data and the do's-and-don'ts box.

``tables`` renders contacts, response times, escalation, channels, approvals and crisis levels;
``macros`` binds them to one brand's data so a page can write ``{{ contacten_tabel() }}``.
"""
