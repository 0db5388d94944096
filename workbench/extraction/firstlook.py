"""A first look for a pattern: the characters a match can open with, tried before it.

Python's regular expressions skip quickly to where a match may start only when a pattern
opens with a literal or a character class. A pattern that opens with ``\\b``, a look-behind
or an alternation of such branches (many of the rules in ``cues``) is tried, branch by
branch, at every position of the text. :func:`with_first_look` reads the pattern and puts in
front of it a look-ahead for the characters any of its matches can begin with, so that most
positions fail at once. The matches are the same, and so are the groups: the look-ahead only
turns away positions where the pattern would find nothing. A pattern whose first characters
cannot be told (it may match the empty string, it can open with any character, with a
back-reference, under a local flag other than ``(?i:...)``) is returned as it is, and so is
one anchored at the start.

The look-ahead pays only where a position costs the pattern much to turn away, so a module
passes the patterns where it was measured to pay through :func:`first_looks`, at the end of
the module, after the rules are written.
"""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser

_CATEGORIES = {
    c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
_ANCHORS = (c.AT_BEGINNING, c.AT_BEGINNING_STRING)


class _Unknown(Exception):
    """The first characters of a part cannot be told: no first look."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class_items(items: list) -> list[str]:
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(_char(av))
        elif op is c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE and anything rarer: nearly every character
            raise _Unknown
    return out


def _first(items, out: dict[bool, list[str]], fold: bool) -> bool:
    """Add to ``out[fold]`` what a match of the sequence ``items`` can open with (``fold``:
    whether case is ignored there); True when the sequence can match the empty string (then
    what follows it can open the match too)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is c.LITERAL:
            out[fold].append(_char(av))
            return False
        if op is c.IN:
            out[fold].extend(_class_items(av))
            return False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~c.SRE_FLAG_IGNORECASE:
                raise _Unknown
            inner = (fold or bool(add_flags)) and not del_flags
            if not _first(sub, out, inner):
                return False
        elif op is c.BRANCH:
            empty = False
            for branch in av[1]:
                empty = _first(branch, out, fold) or empty
            if not empty:
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if not _first(sub, out, fold) and low > 0:
                return False
        elif op is getattr(c, "ATOMIC_GROUP", None):
            if not _first(av, out, fold):
                return False
        else:  # ANY, NOT_LITERAL, back-references, conditionals
            raise _Unknown
    return True


def first_look(pattern: re.Pattern[str]) -> str | None:
    """A look-ahead (``"(?=[...])"``) that every match of ``pattern`` passes at its start,
    read under the pattern's own flags; None when it cannot be told or would not help."""
    if not isinstance(pattern.pattern, str):
        return None
    fold = bool(pattern.flags & re.IGNORECASE)
    out: dict[bool, list[str]] = {False: [], True: []}
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if parsed.data and parsed.data[0][0] is c.AT and parsed.data[0][1] in _ANCHORS:
            return None  # tried at the start only already
        if _first(parsed.data, out, fold):
            return None  # it can match the empty string, anywhere
    except Exception:  # noqa: BLE001 - cannot be told (or a parse tree of another shape): no look
        return None
    parts = [f"[{''.join(dict.fromkeys(out[fold]))}]"] if out[fold] else []
    if out[not fold]:
        parts.append(f"(?{'i' if not fold else '-i'}:[{''.join(dict.fromkeys(out[not fold]))}])")
    return f"(?={'|'.join(parts)})"


def with_first_look(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with its first look in front (see the module docstring), or ``pattern``
    itself when it has none."""
    look = first_look(pattern)
    if look is None:
        return pattern
    end = "\n)" if pattern.flags & re.VERBOSE else ")"  # past a comment on its last line
    try:
        return re.compile(f"{look}(?:{pattern.pattern}{end}", pattern.flags)
    except re.error:  # e.g. global inline flags, which must open the pattern
        return pattern


_METHODS = ("search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split")


class Deferred:
    """A pattern whose first look is compiled when it is first used, so that importing the
    package costs no more than without the looks. ``pattern``, ``flags``, ``groups`` and
    ``groupindex`` are the plain pattern's; on first use the methods of the compiled twin
    become this object's own attributes, so a call then costs what it costs on a pattern."""

    def __init__(self, plain: re.Pattern[str]) -> None:
        self.plain = plain
        self.pattern, self.flags = plain.pattern, plain.flags
        self.groups, self.groupindex = plain.groups, plain.groupindex

    def compiled(self) -> re.Pattern[str]:
        """The pattern with its look in front (compiled now if it was not yet)."""
        twin = with_first_look(self.plain)
        for name in _METHODS:
            setattr(self, name, getattr(twin, name))
        return twin

    def __getattr__(self, name: str):  # only for what is not set yet: the methods
        if name not in _METHODS:
            raise AttributeError(name)
        return getattr(self.compiled(), name)


DEFERRED: list[Deferred] = []  # every pattern given a look, for the tests


def first_looks(*patterns: re.Pattern[str]) -> tuple[Deferred, ...]:
    """Each pattern with its first look (:func:`with_first_look`, compiled on first use), in
    order. A module gives its patterns here where the look pays (a position turned away
    costs them many branches or look-behinds, measured one by one); the rules stay written
    where they live."""
    deferred = tuple(Deferred(plain) for plain in patterns)
    DEFERRED.extend(deferred)
    return deferred
