"""Erasmus+ good-practice knowledge base: YAML content → Markdown pages → MkDocs site.

Pipeline: load → validate → index → render (``pipeline.py``); ``mkdocs_plugin.py`` is the only
module that imports MkDocs.
"""
