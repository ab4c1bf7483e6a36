import CarePolicy
import PolicyRuntime
import PolicyCompiler
import Foundation
import PolicyModel
import RecordFormats

/// A person with every fact of the shared vocabulary, as JSON text, with fields to
/// override: `SamplePerson.json(["birth_date": "1950-01-01", "subsistence": "dibao"])`.
public enum SamplePerson {
    /// A 76-year-old urban person with no special circumstances on 2026-06-01.
    public static var base: [String: Any] { [
        "id": "sample",
        "birth_date": "1950-03-15",
        "hukou_local": true,
        "residence": "urban",
        "no_income_source": false,
        "no_work_capacity": false,
        "no_legal_supporter": false,
        "subsistence": "none",
        "ability_level": 0,
        "lives_alone": false,
        "children_in_district": true,
        "child_caregiver_nearby": true,
        "left_behind": false,
        "severe_disability": false,
        "family_planning_special": false,
        "priority_care": false,
        "five_elders": false,
        "receives_civil_aid": false,
        "low_income_certified": false,
        "receives_home_care_subsidy": false,
        "tekun_dispersed": false,
    ] }

    /// The base person with `changes` applied (a value of `NSNull()` removes the field).
    public static func json(_ changes: [String: Any] = [:]) -> String {
        var object = base
        for (key, value) in changes {
            if value is NSNull { object.removeValue(forKey: key) } else { object[key] = value }
        }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// The policies of the repository.
    public static func policy(_ name: String) throws -> LoadedPolicy {
        try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/" + name + ".yaml")
    }
}

extension Evaluation {
    /// A public decision's value as its JSON text (`"160.00"`, `true`, `["a","b"]`).
    public func json(of decision: String, in policy: LoadedPolicy) -> String? { policy.json(of: decision, in: self) }

    /// The ids of the rules that fired for a decision (`else` for the else row).
    public func firedRuleIDs(of decision: String, in policy: LoadedPolicy) -> [String] { policy.firedRuleIDs(of: decision, in: self) }
}
