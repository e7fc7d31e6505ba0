"""Cyrillic, the pivot every route goes through: the Kazakh grammar the readers of the other
scripts share when they put a stem and a suffix together (`morphology`)."""
