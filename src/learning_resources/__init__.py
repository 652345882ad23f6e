"""The domain core of the learning-resource site: documents, their rules and their lifecycle.

This package never imports MkDocs: the rules must outlive the site engine.
"""
