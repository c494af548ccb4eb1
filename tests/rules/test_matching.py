"""Condition semantics: lemmas, exact words, negation, longer phrases, stretches of text, sentences."""

from __future__ import annotations

import pytest

from lexcheck.rules import compile_rules
from lexcheck.rules.conditions import Group, Terms
from lexcheck.rules.engine import judge_framework
from lexcheck.rules.examples import StandaloneFramework, statute_from_text
from lexcheck.rules.matching import Evaluator, Unit
from lexcheck.rules.nlp import sentence_spans
from lexcheck.rules.ruleset import Clause, Example, Rule, RuleSet

RECRUIT = Terms(("recruit",))
FORCE_EXACT = Terms(("force",), exact=True)
DEFENCE_AFFIRMED = Terms(("defence",), negated=False)
DEFENCE_DENIED = Terms(("defence",), negated=True)
SLAVERY_ALONE = Terms(("slavery",), exclude_within=("practices similar to slavery",))
CONSENT = Terms(("consent",))
IRRELEVANT = Terms(("irrelevant",))
SAME_SENTENCE = Group(all=(CONSENT, IRRELEVANT), within="sentence")
SAME_PROVISION = Group(all=(CONSENT, IRRELEVANT), within="provision")
PURPOSE = Terms(("for the purpose of",))
LEAVES = (RECRUIT, FORCE_EXACT, DEFENCE_AFFIRMED, DEFENCE_DENIED, SLAVERY_ALONE, PURPOSE)


@pytest.fixture(scope="module")
def evaluate():
    """evaluate(condition, text) -> the matched words, or None when it does not hold."""
    placeholder = Example("x", "met", 0)
    rule = Rule(
        "probe",
        "tip.attempt",
        "framework",
        "x",
        tuple(Clause(when=leaf) for leaf in (*LEAVES, SAME_SENTENCE, SAME_PROVISION)),
        (placeholder,) * 4,
        path=None,  # type: ignore[arg-type]
        line=0,
    )
    compiled = compile_rules(RuleSet({"probe": rule}))

    def run(condition, text: str):
        statute = statute_from_text(text, "act")
        judgement = judge_framework(compiled, StandaloneFramework({"act": statute}))
        evaluator = Evaluator(judgement.index, compiled, judgement.scopes.core)
        spans = evaluator.holds(condition, Unit("provision", 0))
        return None if spans is None else [text[s:e] for _, s, e in spans]

    return run


@pytest.mark.parametrize(
    ("condition", "text", "words"),
    [
        (RECRUIT, "A person who recruited or is Recruiting another.", ["recruited", "Recruiting"]),
        (FORCE_EXACT, "the use of force", ["force"]),
        (FORCE_EXACT, "for forced labour", None),
        (DEFENCE_AFFIRMED, "It is a defence that the person consented.", ["defence"]),
        (DEFENCE_AFFIRMED, "It shall not be a defence that the person consented.", None),
        (DEFENCE_DENIED, "It shall not be a defence that the person consented.", ["defence"]),
        # "No ... shall": the opening word negates its clause
        (DEFENCE_AFFIRMED, "(2) No consent of the victim shall be a defence.", None),
        (DEFENCE_DENIED, "(2) No consent of the victim shall be a defence.", ["defence"]),
        # ... but not the next clause
        (
            DEFENCE_AFFIRMED,
            "No fee is payable; it is a defence that the person consented.",
            ["defence"],
        ),
        (SLAVERY_ALONE, "slavery or practices similar to slavery", ["slavery"]),
        (SLAVERY_ALONE, "practices similar to slavery", None),
        (SAME_SENTENCE, "The consent of the victim is irrelevant.", ["consent", "irrelevant"]),
        (SAME_SENTENCE, "The victim's consent is recorded. It is irrelevant here.", None),
        (
            SAME_PROVISION,
            "The victim's consent is recorded. It is irrelevant here.",
            ["consent", "irrelevant"],
        ),
        # a line break inside a phrase does not break it
        (PURPOSE, "recruits another for the\npurpose of exploitation", ["for the\npurpose of"]),
    ],
)
def test_condition(evaluate, condition, text, words):
    assert evaluate(condition, text) == words


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a chapeau, its paragraphs and the wrap-up are one sentence
        (
            "A person who—\n(a) recruits; or\n(b) transports,\nanother person commits an offence.",
            1,
        ),
        # a heading line is a sentence of its own
        ("3. Trafficking in persons\n(1) A person commits an offence.", 2),
        # subsections that end with a full stop are separate sentences
        ("(1) A person commits an offence.\n(2) Consent is irrelevant.", 2),
        # abbreviations and section numbers do not end a sentence
        ("See s. 3 of Act No. 5 of 2010 and 18 U.S.C. 1589 for the offence.", 1),
        ("Provided that it applies. Provided further, That it does not.", 2),
    ],
)
def test_sentence_spans(text, sentences):
    assert len(sentence_spans(text)) == sentences
