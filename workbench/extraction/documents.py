"""Documents a claim cites, and the body whose document it is when the sentence says.

A document is a source to look up, not a speaker ("according to city figures"); a
document by a named body is that body's word ("figures published by NHS England").
"""

from __future__ import annotations

import re

from workbench.extraction.letters import CAP

# A document is a source, not a speaker: "according to city figures", "a study published
# on Tuesday", "a police affidavit", "agency records", "the study says".
DOCUMENTS = frozenset(
    """records record data figures statistics estimates estimate survey surveys report reports
    study studies poll polls affidavit affidavits filing filings document documents complaint
    indictment analysis audit review census transcript transcripts minutes tally count
    projections projection forecast paper papers database letter memo accounts notice notices
    disclosure disclosures proposal proposals bulletin summary notification calculations
    breakdown""".split()
)

# Whose document it is: "... published in August by the Federal Reserve Bank of New York".
_BY_BODY = re.compile(
    rf"\b(?:by|from) (?:the |a |an )?(?:[a-z]+ ){{0,2}}?(?P<who>{CAP}[\w’'.&-]*"
    rf"(?:\s+(?:(?:of|on|and|for|the|&)\s+)*{CAP}[\w’'.&-]*)*)"
)
# A document by a body, as the subject: "Modelling by the UK Health Security Agency
# suggests ...", "The outlook released last week by Environment Canada gives ...".
_DOCUMENT_BY = re.compile(
    r"^(?:(?:The|A|An|New|Its|Their)\s+)?(?:[\w-]+\s+){0,2}?(?P<doc>[A-Za-z]+)\s+"
    r"(?:of\s+(?:[\w,-]+\s+){1,6}?(?=by\s))?"  # "A survey of 1,150 small firms by ..."
    r"(?:(?:published|released|issued|conducted|commissioned|prepared)\s+(?:[\w,]+\s+){0,4}?)?"
    r"by\s+"
)
_KIND_THEN_NAME = re.compile(
    r"\s+(?:firm|company|pollster|consultancy|group|agency|charity|bank|lender|broker|"
    rf"institute|organi[sz]ation|university|laboratory|lab|newspaper|broadcaster)\s+(?={CAP})"
)
_NAME_AT = re.compile(
    rf"(?P<who>{CAP}[\w’'.&-]*(?:\s+(?:(?:of|on|and|for|the|&)\s+)*{CAP}[\w’'.&-]*)*)"
)
_DATE_AFTER = re.compile(
    r"\s+(?:on|in|of|for|the|and|&)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b.*$"
)
_DOCUMENT_NOUNS = DOCUMENTS | frozenset("modelling modeling outlook research".split())


def author_of_subject(plain: str) -> str | None:
    """The body whose document a sentence reports, when the document is its subject."""
    lead = _DOCUMENT_BY.match(plain)
    if not lead or lead.group("doc").lower() not in _DOCUMENT_NOUNS:
        return None
    return _author(_BY_BODY.match(plain, lead.end() - 3))


def author_named(phrase: str) -> str | None:
    """Whose a document named in ``phrase`` is ("an analysis by the ... Department"), if
    it says."""
    return _author(_BY_BODY.search(phrase))


def _author(found: re.Match[str] | None) -> str | None:
    """The body a _BY_BODY match names, without a date after it ("NHS England on Thursday").

    "by the Lisbon firm Sondagem Atlântica": a place that says where the firm is comes
    before the kind of firm; the author is the name after it.
    """
    if not found:
        return None
    kind = _KIND_THEN_NAME.match(found.string, found.end())
    if kind:
        found = _NAME_AT.match(found.string, kind.end())
        if not found:
            return None
    return _DATE_AFTER.sub("", found.group("who")) or None
