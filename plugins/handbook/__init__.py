"""The social media policy handbook: MkDocs plugin, data model and command-line tool."""

__version__ = "0.1.0"
