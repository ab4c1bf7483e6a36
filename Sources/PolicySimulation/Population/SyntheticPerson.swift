import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import PolicySyntax
import RecordFormats

/// One person of a synthetic population: the facts of the shared vocabulary (the policy
/// brief, section 1), with the field names other systems use.
package struct SyntheticPerson: Sendable, Hashable {
    package var id: String
    package var birthDate: CivilDate
    package var hukouLocal: Bool
    /// `urban` or `rural`.
    package var residence: String
    package var noIncomeSource: Bool
    package var noWorkCapacity: Bool
    package var noLegalSupporter: Bool
    /// `none`, `dibao`, `marginal` or `tekun`.
    package var subsistence: String
    /// 0 to 4.
    package var abilityLevel: Int
    package var livesAlone: Bool
    package var childrenInDistrict: Bool
    package var childCaregiverNearby: Bool
    package var leftBehind: Bool
    package var severeDisability: Bool
    package var familyPlanningSpecial: Bool
    package var priorityCare: Bool
    package var fiveElders: Bool
    package var receivesCivilAid: Bool
    package var lowIncomeCertified: Bool
    package var receivesHomeCareSubsidy: Bool
    package var tekunDispersed: Bool

    /// The field names, in the order of `fields`: the CSV header.
    package static let fieldNames = [
        "id", "birth_date", "hukou_local", "residence", "no_income_source", "no_work_capacity", "no_legal_supporter",
        "subsistence", "ability_level", "lives_alone", "children_in_district", "child_caregiver_nearby", "left_behind",
        "severe_disability", "family_planning_special", "priority_care", "five_elders", "receives_civil_aid",
        "low_income_certified", "receives_home_care_subsidy", "tekun_dispersed",
    ]

    /// Each field as text (bools `true`/`false`), in the order of `fieldNames`.
    package var fields: [String] {
        func text(_ flag: Bool) -> String { flag ? "true" : "false" }
        return [
            id, birthDate.description, text(hukouLocal), residence, text(noIncomeSource), text(noWorkCapacity), text(noLegalSupporter),
            subsistence, String(abilityLevel), text(livesAlone), text(childrenInDistrict), text(childCaregiverNearby), text(leftBehind),
            text(severeDisability), text(familyPlanningSpecial), text(priorityCare), text(fiveElders), text(receivesCivilAid),
            text(lowIncomeCertified), text(receivesHomeCareSubsidy), text(tekunDispersed),
        ]
    }

    /// One CSV line, with its line break.
    package var csvLine: String { fields.joined(separator: ",") + "\n" }

    /// One JSON object on one line, with its line break.
    package var jsonLine: String {
        let parts = zip(SyntheticPerson.fieldNames, fields).enumerated().map { position, pair in
            let (name, value) = pair
            let isText = position <= 1 || name == "residence" || name == "subsistence"
            return "\"\(name)\":" + (isText ? "\"\(value)\"" : value)
        }
        return "{" + parts.joined(separator: ",") + "}\n"
    }
}
