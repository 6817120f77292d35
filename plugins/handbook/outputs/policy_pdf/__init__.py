"""The whole policy as one PDF (``handbook beleid-pdf``).

``collect`` builds the site strictly and records every page's rendered HTML in menu order;
``document`` turns them into one printable HTML document (cover, contents, header, footer);
``build`` prints it with Chromium, twice when needed so the contents carry page numbers.
"""
