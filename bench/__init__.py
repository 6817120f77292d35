"""The handbook's benchmark (``make bench``): build cost, variants, live reload, page weight."""
