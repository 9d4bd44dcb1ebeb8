"""Speaker attribution: who a numeric claim is attributed to (the `attributed_to` column).

`Speakers(doc, text)` finds the speech verbs of one article body (lemmas in
`lexicon.SAY_LEMMAS`) and answers, per number, who says it:

- the subject of a speech verb that reports a clause and governs the number, or of the
  sentence's own speech verb ("Umerov said", "..., Russia's Defense Ministry said");
- else "according to X";
- else, for a sentence inside a quotation with no speech verb, the speaker of that quotation
  (a speech verb outside the quote marks in a sentence the quotation spans); never a speaker
  of a neighbouring sentence that the quotation does not reach.

"he"/"she" resolve to the latest earlier singular speaker of the article: a heuristic, not
coreference. Reported speech that continues in the next unquoted sentence is not followed.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from transforms.claims.lexicon import MEASUREMENT_NOUNS, NOUN_POS, PRONOUNS, SAY_LEMMAS

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
        """A sentence inside a quotation takes the speaker of that quotation: a speech verb
        outside the quote marks, in a sentence the quotation spans ("He said: "A. B."" or
        ""A. B," he said"). A speaker named in another sentence of the paragraph that is not
        part of the quotation says nothing about this one (the issue's "a figure from the
        Electoral Commission attributed to a party spokesman named later")."""
        quote = self._quotation(sent)
        if quote is None:
            return None
        found = self._quotation_speaker(sent, *quote)
        if found is None and quote[0] <= sent.start_char and sent.start > 0:
            # ""The cost will be huge," Hayes said. "We expect 40 job losses."": a quotation
            # opening the sentence right after a quoted, attributed sentence of the same
            # paragraph continues that speaker's words.
            prev = self.doc[sent.start - 1].sent
            prev_quote = self._quotation(prev)
            if prev_quote is not None and "\n" not in self.text[prev.end_char : sent.start_char]:
                found = self._quotation_speaker(prev, *prev_quote)
        return found

    def _quotation_speaker(self, sent: Span, q_start: int, q_end: int) -> str | None:
        """The nearest speaker of the quotation [q_start, q_end] that holds part of `sent`."""
        best: tuple[int, str] | None = None
        for v in self.verbs:
            tok = self.doc[v]
            if q_start < tok.idx < q_end:
                continue  # a "said" inside the quotation is the quoted speaker's own word
            verb_sent = tok.sent
            if verb_sent.end_char < q_start or verb_sent.start_char > q_end:
                continue  # not a sentence of this quotation
            subject = self.subject_of(v)
            if subject:
                distance = abs(tok.idx - sent.start_char)
                if best is None or distance < best[0]:
                    best = (distance, self._resolve(subject, v))
        return None if best is None else best[1]

    def _quotation(self, sent: Span) -> tuple[int, int] | None:
        """The (start, end) offsets of the quotation holding part of `sent`, or None.

        Quote marks pair up in their paragraph; an unclosed last one runs to the paragraph's
        end (news style reopens a quotation that continues into the next paragraph)."""
        text = self.text
        para_start = text.rfind("\n", 0, sent.start_char) + 1
        para_end = text.find("\n", sent.end_char)
        para_end = len(text) if para_end < 0 else para_end
        marks = [k for k in range(para_start, para_end) if text[k] in _QUOTE_CHARS]
        if len(marks) % 2:
            marks.append(para_end)
        for q_start, q_end in zip(marks[::2], marks[1::2], strict=True):
            if q_start < sent.end_char and q_end >= sent.start_char:
                return q_start, q_end
        return None


def _singular_person(head: Token) -> bool:
    """Could "he"/"she" refer back to this speaker? A person, or a singular title noun."""
    if head.ent_type_ == "PERSON":
        return True
    return head.tag_ in ("NN", "NNP") and head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")


def _of_chain_end(prep: Token, end: int) -> int:
    """The end of a preposition's object and of the "of Y" names it holds ("from the Office
    of the Deputy Prime Minister"), without the clauses hanging off them."""
    while True:
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if not objs:
            return end
        end = objs[0].i + 1
        # "of" always; "for" inside a name only ("the Office for Budget Responsibility")
        joins = ("of", "for") if objs[0].pos_ == "PROPN" else ("of",)
        nested = [c for c in objs[0].rights if c.dep_ == "prep" and c.lower_ in joins]
        if not nested:
            return end
        prep = nested[0]


def _span_text(doc: Doc, head: Token) -> str | None:
    """A speaker's name: the head with its left modifiers and an "of X" after it (or a
    "from X" / "by X" after a measurement noun)."""
    start = head.left_edge.i
    end = head.i + 1
    # "figures from the ODPM", "a survey by Gallup": a measurement is named by who made it,
    # and "figures" alone tells two surveys' readings of one thing apart from nothing.
    joins = ("of", "from", "by") if head.lemma_.lower() in MEASUREMENT_NOUNS else ("of",)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in joins:
            # "head of the Russian delegation", but not the clauses hanging off it
            end = _of_chain_end(child, end)
            break
        if child.dep_ in ("compound", "flat"):
            end = child.i + 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    text = doc[start:end].text.strip()
    return text or None
