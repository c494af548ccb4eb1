"""Rule files written for the rule tests: one extra rule, `extra-attempt`, whose examples vary.

Each test writes out the examples it is about after `ATTEMPT_RULE_HEAD`, so the rule itself is
written once and the examples stay in view where they matter.
"""

ATTEMPT_RULE_HEAD = """\
rules:
  - id: extra-attempt
    element: tip.attempt
    scope: trafficking-law
    looks_for: an attempt clause
    evidence:
      - when: {terms: ["@attempt-to-offend"]}
    examples:
      - match: Any person who attempts to commit an offence under this Act commits an offence.
        style: commonwealth
"""
"""The rule down to its first example, a clause met in Commonwealth style."""
