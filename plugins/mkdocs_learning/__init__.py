"""A thin MkDocs adapter: turns the core's checked documents into pages of a Material site."""
