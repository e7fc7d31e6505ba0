"""Quotation marks, as the reader's capitals and the stream's cut points both judge them."""

# Characters that close a quotation (the openers are the tables' `name-opener` rows).
CLOSERS = "»”\"'’"


def ascii_quote_opens(before: str) -> bool:
    """Does an ASCII quote after `before` (the character before it, "" at the start) open a
    quotation? After a space or a bracket it does (` "сөз`); right after a word it closes one."""
    return not before or before.isspace() or before in "(["
