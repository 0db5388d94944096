"""The letters the patterns read as capitals and small letters.

Names in the news are not all written in ASCII: "Uisce Éireann", "Maroš Šefčovič",
"Ørsted", "Łukasz Nowak", "the Élysée". A pattern that opens a name with an ASCII capital
cuts such a name short, or misses it, so the patterns write ``{CAP}`` and ``{LOW}``
instead: the ASCII letters and those of the Latin-1 Supplement and Latin Extended-A and -B
blocks (the Latin alphabets of Europe and Turkey), capitals and small letters told apart as
``str.isupper`` and ``str.islower`` tell them.
"""

from __future__ import annotations

_LATIN = [chr(code) for code in range(0xC0, 0x250)]

#: The capital letters, as the body of a character class: ``[{CAPITALS}.-]``.
CAPITALS = "A-Z" + "".join(ch for ch in _LATIN if ch.isupper())
#: The small letters, as the body of a character class.
SMALLS = "a-z" + "".join(ch for ch in _LATIN if ch.islower())
#: A capital letter.
CAP = f"[{CAPITALS}]"
#: A small letter.
LOW = f"[{SMALLS}]"
