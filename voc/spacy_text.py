"""spaCy tokenization that stays linear in the length of the text."""

from __future__ import annotations

import re

__all__ = ["LONG_RUN", "tokenize"]

# Runs without whitespace at least this long are tokenized in pieces of _PIECE characters.
LONG_RUN = re.compile(r"\S{300,}")
_PIECE = 50


def tokenize(tokenizer, text: str):
    """``tokenizer(text)``, with runs of 300+ characters without whitespace cut up first.

    Used by the PII redactor and the clause splitter of aspect sentiment.

    spaCy's tokenizer takes a run's prefixes and suffixes off one at a time and copies the rest
    each time, so its cost grows with the square of the run's length: 4,000 letters followed
    by 4,000 ``!`` took 8.3 s, 4,000 emoji 1.7 s. Such runs (emoji or punctuation spam, pasted
    base64) are tokenized in 50-character pieces and the pieces' tokens joined, so a text costs
    time in proportion to its length. The doc's text is still exactly ``text``; only tokens
    inside such a run differ (the PII pattern detectors read the text itself, and no e-mail
    address is that long). Other texts go to the tokenizer unchanged.
    """
    if len(text) < 300 or LONG_RUN.search(text) is None:
        return tokenizer(text)
    from spacy.tokens import Doc

    pieces, last = [], 0
    for run in LONG_RUN.finditer(text):
        if run.start() > last:
            pieces.append(text[last : run.start()])
        pieces += [
            text[i : min(i + _PIECE, run.end())] for i in range(run.start(), run.end(), _PIECE)
        ]
        last = run.end()
    if last < len(text):
        pieces.append(text[last:])
    # One Doc from the pieces' words (Doc.from_docs would mark every piece as a sentence).
    tokens = [token for piece in pieces for token in tokenizer(piece)]
    return Doc(
        tokens[0].vocab,
        words=[token.text for token in tokens],
        spaces=[bool(token.whitespace_) for token in tokens],
    )
