"""What only ``scripts/measure-search`` needs: the analysers Voikko was measured against, and the
placement of the added terms in Pagefind's metadata instead of the article.

Needs the ``measure`` extra: ``pip install -e '.[measure]'`` (simplemma, pystemmer).
"""
