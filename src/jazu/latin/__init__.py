"""Kazakh in the Latin script (2021 alphabet; tables version 4 on): the writer (Cyrillic -> Latin),
the reader (Latin of the 2021, 2018 or 2017 alphabet -> Cyrillic) and their case tables."""
