"""The data: everything the rest of the handbook knows about an organisation comes through here.

Reading YAML with line numbers (``yamlsrc``), the pydantic models (``models/``) and their JSON
Schema (``schema``), validation with a cache of what was valid before (``validation``), loading
the brand's data files (``brand``) and the pages' front matter (``frontmatter``), Dutch
messages (``messages``, ``errors``), placeholders (``placeholders``), dates (``dates``), the
build cache (``cache``) and environment switches (``switches``). No MkDocs imports: the plugin,
the command line and the tests use it alike.
"""
