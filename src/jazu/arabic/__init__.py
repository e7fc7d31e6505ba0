"""Kazakh in the Arabic script (төте жазу): the writer (Cyrillic -> Arabic, `writer`), the reader
(Arabic -> Cyrillic, `reader/`), and what the reader needs: normalising the input
(`normalize`), the lexicon indexed by Arabic spelling (`lexicon`) and the n-gram model (`ngram`)."""
