"""Word files (``handbook docx``): the whole policy as one ``.docx``.

``convert`` turns a print-ready HTML document into Word with pandoc (from the
``pypandoc-binary`` wheel) and the house style, then finishes it with python-docx (contents
after the cover, page numbers in the footer, document properties); ``policy`` assembles the
policy's rendered pages for it; ``reference`` is the house style (``huisstijl/``). The works
council's consent request (``consent/``) goes through ``convert`` too.
"""
