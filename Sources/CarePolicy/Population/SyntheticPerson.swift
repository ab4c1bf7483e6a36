/// One person of a synthetic population: the facts of the shared vocabulary (the policy
/// brief, section 1), with the field names other systems use.
public struct SyntheticPerson: Sendable, Hashable {
    public var id: String
    public var birthDate: CivilDate
    public var hukouLocal: Bool
    /// `urban` or `rural`.
    public var residence: String
    public var noIncomeSource: Bool
    public var noWorkCapacity: Bool
    public var noLegalSupporter: Bool
    /// `none`, `dibao`, `marginal` or `tekun`.
    public var subsistence: String
    /// 0 to 4.
    public var abilityLevel: Int
    public var livesAlone: Bool
    public var childrenInDistrict: Bool
    public var childCaregiverNearby: Bool
    public var leftBehind: Bool
    public var severeDisability: Bool
    public var familyPlanningSpecial: Bool
    public var priorityCare: Bool
    public var fiveElders: Bool
    public var receivesCivilAid: Bool
    public var lowIncomeCertified: Bool
    public var receivesHomeCareSubsidy: Bool
    public var tekunDispersed: Bool

    /// The field names, in the order of `fields`: the CSV header.
    public static let fieldNames = [
        "id", "birth_date", "hukou_local", "residence", "no_income_source", "no_work_capacity", "no_legal_supporter",
        "subsistence", "ability_level", "lives_alone", "children_in_district", "child_caregiver_nearby", "left_behind",
        "severe_disability", "family_planning_special", "priority_care", "five_elders", "receives_civil_aid",
        "low_income_certified", "receives_home_care_subsidy", "tekun_dispersed",
    ]

    /// Each field as text (bools `true`/`false`), in the order of `fieldNames`.
    public var fields: [String] {
        func text(_ flag: Bool) -> String { flag ? "true" : "false" }
        return [
            id, birthDate.description, text(hukouLocal), residence, text(noIncomeSource), text(noWorkCapacity), text(noLegalSupporter),
            subsistence, String(abilityLevel), text(livesAlone), text(childrenInDistrict), text(childCaregiverNearby), text(leftBehind),
            text(severeDisability), text(familyPlanningSpecial), text(priorityCare), text(fiveElders), text(receivesCivilAid),
            text(lowIncomeCertified), text(receivesHomeCareSubsidy), text(tekunDispersed),
        ]
    }

    /// One CSV line, with its line break.
    public var csvLine: String { fields.joined(separator: ",") + "\n" }

    /// One JSON object on one line, with its line break.
    public var jsonLine: String {
        let parts = zip(SyntheticPerson.fieldNames, fields).enumerated().map { position, pair in
            let (name, value) = pair
            let isText = position <= 1 || name == "residence" || name == "subsistence"
            return "\"\(name)\":" + (isText ? "\"\(value)\"" : value)
        }
        return "{" + parts.joined(separator: ",") + "}\n"
    }
}
