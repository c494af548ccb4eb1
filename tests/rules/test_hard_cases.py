"""The hard cases of STANDARDS.md section 3.4 that concern the offence elements, as specifications.

Each test is one case: a small statute written for the test (Commonwealth, US or civil-law style),
checked through the whole engine (framework graph included), and the grade the table gives.
"""

from __future__ import annotations

import pytest

OFFENCE = (
    "A person commits an offence if the person recruits, transports, transfers, harbours or "
    "receives another person by threat, force, fraud or deception for the purpose of exploitation."
)
MEANS = [
    "threat",
    "force",
    "coercion",
    "abduction",
    "fraud",
    "deception",
    "abuse_of_power",
    "abuse_of_vulnerability",
    "payments_to_controller",
]


# --- consent (3.4 #1-#4) ------------------------------------------------------------------------


def test_consent_shall_not_be_a_defence_meets_tip_consent_irrelevant(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nIn a prosecution for an offence under section 1, it shall not be a defence "
        "that the trafficked person consented to the act of trafficking in persons."
    )["tip.consent_irrelevant"]
    assert finding.status == "met"
    assert finding.evidence[0].eid == "sec_2"


def test_no_consent_shall_be_a_defence_meets_tip_consent_irrelevant(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nNo consent of the victim to the intended exploitation shall be a defence "
        "to a charge under section 1."
    )["tip.consent_irrelevant"]
    assert finding.status == "met"


def test_consent_irrelevant_subject_to_an_exception_is_partial(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nThe consent of the victim is irrelevant, unless the victim is an adult "
        "who consented in writing."
    )["tip.consent_irrelevant"]
    assert (finding.status, finding.flags) == ("partial", ("consent_exception",))


def test_consent_defence_is_conflict(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nIt is a defence to a charge under section 1 that the person consented."
    )["tip.consent_irrelevant"]
    assert (finding.status, finding.flags) == ("conflict", ("consent_defence",))
    assert finding.severity == "critical"
    assert finding.evidence[0].role == "defeating"


def test_consent_irrelevant_for_children_only_is_partial(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nThe consent of a child to the intended exploitation is no defence."
    )["tip.consent_irrelevant"]
    assert (finding.status, finding.flags) == ("partial", ("consent_children_only",))


def test_consent_irrelevant_only_to_the_travel_is_partial(check_text):
    finding = check_text(
        "A person commits an offence if the person arranges or facilitates the travel of another "
        "person with a view to that person being exploited.\n\nIt is irrelevant whether the "
        "person consents to the travel (whether the person is an adult or a child)."
    )["tip.consent_irrelevant"]
    assert (finding.status, finding.flags) == ("partial", ("consent_travel_only",))


def test_consent_to_the_travel_is_met_when_another_provision_covers_the_exploitation(check_text):
    findings = check_text(
        "It is irrelevant whether the person consents to the travel.\n\nThe consent of a person "
        "to any of the acts alleged to constitute holding the person in slavery or servitude does "
        "not preclude a determination that the person is being held in slavery or servitude."
    )
    assert findings["tip.consent_irrelevant"].status == "met"


def test_consent_as_mitigation_is_partial_with_flag(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nIn passing sentence, the court may take into account that the victim "
        "consented to the exploitation."
    )["tip.consent_irrelevant"]
    assert (finding.status, finding.flags) == ("partial", ("consent_mitigation",))


# --- children (3.4 #5) --------------------------------------------------------------------------


def test_child_clause_requiring_force_is_conflict(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nWhoever by force, fraud or coercion recruits or transports a child for the "
        "purpose of exploitation shall be punished with imprisonment of ten to fifteen years."
    )["tip.child.no_means_required"]
    assert (finding.status, finding.flags) == ("conflict", ("child_means_required",))


def test_no_means_rule_in_another_act_does_not_cure_a_child_offence_requiring_means(check_text):
    finding = check_text(
        "Any person who by means of threat or deception recruits a child for the purpose of "
        "forced labour commits an offence.",
        other="Where a child is recruited for the purpose of exploitation, the means used need "
        "not be proved and the offence of trafficking is complete.",
    )["tip.child.no_means_required"]
    assert finding.status == "conflict"
    roles = {(item.statute, item.role) for item in finding.evidence}
    assert ("tip-act", "defeating") in roles and ("other-act", "carrying") in roles


def test_no_means_rule_for_sexual_exploitation_only_is_partial(check_text):
    finding = check_text(
        "Whoever knowingly recruits or entices a person, knowing that the person has not attained "
        "the age of 18 years and will be caused to engage in a commercial sex act, whether or not "
        "force, fraud or coercion is used, shall be fined under this title, imprisoned not more "
        "than 20 years, or both."
    )["tip.child.no_means_required"]
    assert (finding.status, finding.flags) == ("partial", ("sexual_exploitation_only",))


def test_no_means_rule_only_under_sixteen_is_partial(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nWhere the victim is a child under the age of sixteen years, it is not "
        "necessary to prove any of the means referred to in section 1."
    )["tip.child.no_means_required"]
    assert (finding.status, finding.flags) == ("partial", ("below_18",))


def test_rebuttable_presumption_of_means_is_partial(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nWhere the victim is a child, the means referred to in section 1 shall be "
        "presumed to have been used, unless the contrary is proved, and need not be proved."
    )["tip.child.no_means_required"]
    assert (finding.status, finding.flags) == ("partial", ("presumption_only",))


def test_child_victim_only_as_aggravation_is_missing(check_text):
    findings = check_text(
        f"{OFFENCE}\n\nWhere the victim of an offence under section 1 is a child, the offender is "
        "liable to imprisonment for life."
    )
    assert findings["tip.child.no_means_required"].status == "missing"
    assert findings["tip.aggravating"].status == "met"


def test_child_defined_unless_majority_is_attained_earlier_is_partial(check_text):
    finding = check_text(
        f'{OFFENCE}\n\n"child" means a person under the age of eighteen years, unless majority is '
        "attained earlier under the law applicable to the child."
    )["tip.child.under_18"]
    assert (finding.status, finding.flags) == ("partial", ("early_majority",))


# --- penalties (3.4 #6) -------------------------------------------------------------------------


def penalty(check_text, clause: str):
    return check_text(
        "Any person who recruits, transports or harbours another person for the purpose of "
        f"exploitation commits an offence and is liable {clause}."
    )["tip.penalties_stringent"]


def test_fine_alternative_is_partial(check_text):
    finding = penalty(check_text, "to imprisonment for up to ten years or to a fine")
    assert (finding.status, finding.flags) == ("partial", ("fine_alternative",))
    assert finding.severity == "medium"
    assert finding.extra["max_years"] == 10.0
    assert finding.extra["fine_alternative"] is True


def test_us_or_both_formula_is_partial_with_flag(check_text):
    finding = check_text(
        "Whoever knowingly recruits, harbors, transports, provides, or obtains by any means any "
        "person for labor or services shall be fined under this title, imprisoned not more than "
        "20 years, or both."
    )["tip.penalties_stringent"]
    assert finding.status == "partial"
    assert "fine_alternative_formula" in finding.flags
    assert finding.extra["max_years"] == 20.0


def test_fine_alone_on_summary_conviction_is_partial_low(check_text):
    finding = penalty(
        check_text,
        "on summary conviction to a fine not exceeding the statutory maximum, and on conviction "
        "on indictment to imprisonment for life",
    )
    assert (finding.status, finding.flags, finding.severity) == (
        "partial",
        ("summary_fine_route",),
        "low",
    )


def test_maximum_below_four_years_is_partial_and_raised_to_high(check_text):
    finding = penalty(check_text, "to imprisonment for a term not exceeding three years")
    assert (finding.status, finding.flags) == ("partial", ("below_serious_crime_threshold",))
    assert finding.severity == "high"
    assert finding.extra["max_years"] == 3.0


def test_lower_maximum_for_labour_than_for_sexual_exploitation_is_partial(check_text):
    finding = check_text(
        "Any person who recruits a person for the purpose of sexual exploitation commits an "
        "offence and is liable to imprisonment for twenty (20) years.\n\nAny person who recruits "
        "a person for the purpose of forced labour commits an offence and is liable to "
        "imprisonment for ten (10) years."
    )["tip.penalties_stringent"]
    assert (finding.status, finding.flags) == ("partial", ("purpose_disparity",))


def test_life_imprisonment_with_cumulative_fine_is_met(check_text):
    finding = penalty(check_text, "on conviction to imprisonment for life and to a fine")
    assert (finding.status, finding.flags) == ("met", ())
    assert finding.extra["max_years"] == "life"


# --- reach (3.4 #7) -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # 7a: only movement into or out of the State
        (
            "Any person who brings into or takes out of the Republic any person for the purpose "
            "of exploitation commits an offence.",
            "partial",
        ),
        # 7b: travel includes travel within any country
        (
            "A person commits an offence if the person arranges or facilitates the travel of "
            'another person with a view to that person being exploited.\n\n"travel" means '
            "arriving in, or entering, any country, departing from any country, or travelling "
            "within any country.",
            "met",
        ),
        # 7c: the victim must be a foreign national
        (
            "Any person who recruits or harbours a foreign national for the purpose of "
            "exploitation shall be guilty of an offence.",
            "partial",
        ),
    ],
)
def test_border_crossing_cases(check_text, text, status):
    assert check_text(text)["tip.transnationality_not_required"].status == status


def test_offence_requiring_two_or_more_persons_is_partial(check_text):
    finding = check_text(
        "Any two or more persons who, acting in concert, recruit or transport a person for the "
        "purpose of exploitation shall be punished with imprisonment of five to ten years."
    )["tip.organised_group_not_required"]
    assert (finding.status, finding.flags) == ("partial", ("group_required",))


# --- the offence and its purposes (3.4 #10-#12, #21) --------------------------------------------


def test_offence_requiring_that_the_victim_was_exploited(check_text):
    findings = check_text(
        "Any person who recruits, transports or harbours another person who was exploited within "
        "the meaning of section 2 commits the offence of trafficking in persons.\n\n"
        '"exploitation" includes sexual exploitation, forced labour, slavery, servitude and the '
        "removal of organs."
    )
    assert findings["tip.purpose_not_result"].status == "missing"
    assert findings["tip.criminalised"].status == "partial"
    assert "result_required" in findings["tip.criminalised"].flags


def test_closed_list_of_exploitation_without_organ_removal(check_text):
    findings = check_text(
        "A person commits an offence if the person recruits or transports another person for the "
        'purpose of exploitation.\n\n"exploitation" means the exploitation of the prostitution of '
        "others or other forms of sexual exploitation, forced labour or services, slavery or "
        "practices similar to slavery and servitude."
    )
    assert findings["tip.purpose.organ_removal"].status == "missing"
    assert findings["tip.purpose.slavery"].status == "met"
    assert findings["tip.criminalised"].status == "partial"
    assert findings["tip.criminalised"].flags == ("closed_exploitation_list",)


def test_catch_all_instead_of_named_forms_is_partial(check_text):
    findings = check_text(
        "Whoever recruits or transports a person for the purpose of sexual exploitation or any "
        "other form of exploitation shall be punished with imprisonment of five to ten years."
    )
    for form in ("forced_labour", "slavery", "servitude", "organ_removal"):
        assert findings[f"tip.purpose.{form}"].status == "partial", form
    assert findings["tip.purpose.sexual_exploitation"].status == "met"


def test_no_means_offence_meets_means_not_required(check_text):
    findings = check_text(
        "A person commits an offence if the person arranges or facilitates the travel of another "
        "person with a view to that person being exploited."
    )
    for means in MEANS:
        finding = findings[f"tip.means.{means}"]
        assert finding.status == "met", means
        assert "not required" in finding.why


def test_means_named_in_the_definition_the_offence_uses_are_met(check_text):
    findings = check_text(
        "Any person who traffics another person commits an offence and is liable to imprisonment "
        'for fifteen years.\n\n"trafficking in persons" means the recruitment, transportation or '
        "harbouring of a person by means of threat or deception for the purpose of exploitation."
    )
    assert findings["tip.means.threat"].status == "met"
    assert findings["tip.means.deception"].status == "met"
    assert findings["tip.means.abduction"].status == "missing"


# --- participation and legal persons (3.4 #13, #14) ---------------------------------------------


def test_attempt_only_through_the_penal_code_general_part_is_partial(check_text):
    findings = check_text(
        OFFENCE,
        penal="Whoever attempts to commit an offence punishable by this Code shall be punished "
        "with half of the penalty for the completed offence.",
    )
    assert findings["tip.attempt"].status == "partial"


def test_attempt_in_the_general_part_applied_to_this_act_is_met(check_text):
    findings = check_text(
        f"{OFFENCE}\n\nThe provisions of the Penal Code relating to attempts shall apply to every "
        "offence under this Act."
    )
    assert findings["tip.attempt"].status == "met"


def test_director_liability_only_is_partial(check_text):
    finding = check_text(
        f"{OFFENCE}\n\nWhere an offence under this Act is committed by a body corporate, every "
        "director who consented to or connived at the offence is guilty of that offence."
    )["tip.legal_persons"]
    assert (finding.status, finding.flags) == ("partial", ("officer_liability_only",))


def test_arrest_power_is_not_attempt_or_complicity(check_text):
    findings = check_text(
        f"{OFFENCE}\n\nAn enforcement officer may arrest without warrant any person found "
        "attempting to commit or abetting the commission of an offence under this Act."
    )
    assert findings["tip.attempt"].status == "missing"
    assert findings["tip.accomplice"].status == "missing"
