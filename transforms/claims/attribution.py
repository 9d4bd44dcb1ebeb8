"""Speaker attribution: who a numeric claim is attributed to (the `attributed_to` column).

`Speakers(doc, text)` finds the speech verbs of one article body (lemmas in
`lexicon.SAY_LEMMAS`) and answers, per number, who says it:

- the subject of a speech verb that reports a clause and governs the number, or of the
  sentence's own speech verb ("Umerov said", "..., Russia's Defense Ministry said");
- else "according to X";
- else, for a sentence inside a quotation with no speech verb, the nearest speaker of its
  paragraph.

"he"/"she" resolve to the latest earlier singular speaker of the article: a heuristic, not
coreference. Reported speech that continues in the next unquoted sentence is not followed.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from transforms.claims.lexicon import NOUN_POS, PRONOUNS, SAY_LEMMAS

_QUOTE_CHARS = frozenset('"“”')
# Lemma hashes of the speech verbs, per string store: one vectorised isin over a doc's lemma
# array finds every candidate verb without touching each token in Python.
_SAY_HASHES: dict[int, np.ndarray] = {}


def _say_hashes(doc: Doc, dtype: np.dtype) -> np.ndarray:
    """Hashes of SAY_LEMMAS in this vocabulary's string store (computed once per vocab)."""
    key = id(doc.vocab.strings)
    if key not in _SAY_HASHES:
        _SAY_HASHES[key] = np.array([doc.vocab.strings[w] for w in SAY_LEMMAS], dtype=dtype)
    return _SAY_HASHES[key]


class Speakers:
    """Speech verbs of one doc and who they attribute to, found on demand and cached.

    Build one per doc; `speaker(token, sentence)` gives the `attributed_to` of a number.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text  # doc.text rebuilds the string from every token on each access
        lemmas = doc.to_array(LEMMA)
        hashes = _say_hashes(doc, lemmas.dtype)
        self.verbs: list[int] = np.flatnonzero(np.isin(lemmas, hashes)).tolist()
        self.subject: dict[int, str | None] = {}
        self.person: dict[int, bool] = {}
        self.according: dict[int, str | None] = {}

    def subject_of(self, v: int) -> str | None:
        if v not in self.subject:
            self.subject[v] = self._subject_text(self.doc[v])
        return self.subject[v]

    def _subject_text(self, verb: Token) -> str | None:
        """Who `verb` reports: its subject, when it reports a clause ("claimed ... people" is
        not speech; "claimed the children were evacuated" is)."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        children = list(verb.children)
        reports = (
            verb.dep_ in ("parataxis", "ROOT")
            and verb.i > 0
            and any(c.dep_ == "punct" and c.i < verb.i for c in children)
        )
        if not reports and not any(c.dep_ in ("ccomp", "parataxis") for c in children):
            return None
        for child in children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                self.person[verb.i] = _singular_person(child)
                return _span_text(self.doc, child)
        # "..., Russia's Defense Ministry said": the parser sometimes hangs the speaker on the
        # comma; take the noun phrase right before the verb.
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.pos_ in NOUN_POS:
            self.person[verb.i] = _singular_person(before)
            return _span_text(self.doc, before)
        return None

    def speaker(self, claim_tok: Token, sent: Span) -> str | None:
        """Who the number at `claim_tok` in `sent` is attributed to, or None."""
        verbs = [v for v in self.verbs if sent.start <= v < sent.end]
        if verbs:
            ancestors = {a.i for a in claim_tok.ancestors}
            ordered = [v for v in verbs if v in ancestors] + [
                v for v in verbs if self.doc[v].dep_ in ("ROOT", "parataxis") and v not in ancestors
            ]
            for v in ordered:
                text = self.subject_of(v)
                if text and not self._contains(v, claim_tok):
                    return self._resolve(text, v)
        according = self._according(sent)
        if according:
            return according
        return self._quoted(sent)

    def _contains(self, verb: int, tok: Token) -> bool:
        """ "Nearly two thirds of the people interviewed said ...": the number is in the
        subject; those people are what is counted, not a source."""
        for child in self.doc[verb].children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child.left_edge.i <= tok.i <= child.right_edge.i
        return False

    def _according(self, sent: Span) -> str | None:
        if sent.start not in self.according:
            found = None
            for tok in sent:
                if tok.lower_ == "according" and tok.i + 1 < sent.end:
                    to = self.doc[tok.i + 1]
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            found = _span_text(self.doc, obj)
                    break
            self.according[sent.start] = found
        return self.according[sent.start]

    def _resolve(self, text: str, verb: int) -> str:
        """ "he said" -> the latest named person who said something earlier in the article."""
        if text.lower() not in ("he", "she"):
            return text
        for v in reversed(self.verbs):
            if v >= verb:
                continue
            earlier = self.subject_of(v)
            if earlier and earlier.lower() not in PRONOUNS and self.person.get(v):
                return earlier
        return text

    def _quoted(self, sent: Span) -> str | None:
        """A sentence inside a quotation takes the speaker of its paragraph."""
        text = self.text
        segment = text[sent.start_char : sent.end_char]
        if not any(q in segment for q in _QUOTE_CHARS):
            para_start = text.rfind("\n", 0, sent.start_char) + 1
            opened = sum(text.count(q, para_start, sent.start_char) for q in '"“”') % 2 == 1
            if not opened:
                return None
        para_start = text.rfind("\n", 0, sent.start_char) + 1
        para_end = text.find("\n", sent.end_char)
        para_end = len(text) if para_end < 0 else para_end
        best: tuple[int, str] | None = None
        for v in self.verbs:
            tok = self.doc[v]
            if para_start <= tok.idx < para_end:
                subject = self.subject_of(v)
                if subject:
                    distance = abs(tok.idx - sent.start_char)
                    if best is None or distance < best[0]:
                        best = (distance, self._resolve(subject, v))
        return None if best is None else best[1]


def _singular_person(head: Token) -> bool:
    """Could "he"/"she" refer back to this speaker? A person, or a singular title noun."""
    if head.ent_type_ == "PERSON":
        return True
    return head.tag_ in ("NN", "NNP") and head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")


def _span_text(doc: Doc, head: Token) -> str | None:
    """A speaker's name: the head with its left modifiers and an "of X" after it."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            # "head of the Russian delegation", but not the clauses hanging off it
            objs = [o for o in child.children if o.dep_ == "pobj"]
            end = (objs[0].i + 1) if objs else end
            break
        if child.dep_ in ("compound", "flat"):
            end = child.i + 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    text = doc[start:end].text.strip()
    return text or None
