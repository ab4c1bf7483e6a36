import PolicyModel
import PolicyAnalysis
import RecordFormats

extension PolicyComparison {
    /// The comparison as one JSON object, for other programs:
    ///
    /// ```json
    /// {"equivalent": false, "notes": [],
    ///  "decisions": {"monthly_subsidy_cny": [{"when": "每月政府购买服务小时数为20", "from": "2027-01-01", "to": null,
    ///    "before": "160.00", "after": "200.00", "exact": true, "example": {…every fact…}, "example_as_of": "2027-01-01"}]},
    ///  "changes": [{"section": "ledger", "what": "…", "before": "8.00", "after": "10.00", "from": "2027-01-01", "to": null}]}
    /// ```
    ///
    /// Every decision compared is a key, with an empty list when it does not change. Values
    /// are written as `eval` writes them (money as a string with two places); a value that is
    /// arithmetic on facts, or a fault, as its text. The example has every fact, ready for `eval`.
    public func json(english: Bool = false) -> String {
        var out = "{\"equivalent\": \(status == .equivalent ? "true" : "false")"
        out += ", \"notes\": [" + report.remarks.map { JSONString.quoted(english ? $0.english : $0.text) }.joined(separator: ", ") + "]"
        out += ", \"decisions\": {"
        out += report.compared.map { name -> String in
            let entries = zip(report.periods, findings).flatMap { period, findings in
                findings.filter { $0.difference.decision == name }.map { entry($0, period: period, english: english) }
            }
            return JSONString.quoted(name) + ": [" + entries.joined(separator: ", ") + "]"
        }.joined(separator: ", ")
        out += "}, \"changes\": [" + report.changes.map { change in
            "{\"section\": \(JSONString.quoted(change.section.rawValue)), \"what\": \(JSONString.quoted(english ? change.whatCodes : change.what)), "
                + "\"before\": \(change.before.map(JSONString.quoted) ?? "null"), \"after\": \(change.after.map(JSONString.quoted) ?? "null"), "
                + "\"from\": \(change.from.map { JSONString.quoted($0.description) } ?? "null"), \"to\": \(change.until.map { JSONString.quoted($0.description) } ?? "null")}"
        }.joined(separator: ", ") + "]}"
        return out
    }

    func entry(_ finding: Finding, period: PolicyDiff.Period, english: Bool) -> String {
        let difference = finding.difference
        var out = "{\"when\": \(JSONString.quoted(english ? difference.conditionCodes : difference.condition))"
        out += ", \"from\": \(JSONString.quoted(period.from.description)), \"to\": \(period.until.map { JSONString.quoted($0.description) } ?? "null")"
        out += ", \"before\": \(value(difference.old, decision: difference.decision, in: old)), \"after\": \(value(difference.new, decision: difference.decision, in: new))"
        out += ", \"exact\": \(difference.exact ? "true" : "false")"
        if let example = difference.example {
            out += ", \"example\": \(example.json()), \"example_as_of\": \(JSONString.quoted(example.date.description))"
        } else {
            out += ", \"example\": null, \"example_as_of\": null"
        }
        return out + "}"
    }

    /// A value as JSON, typed as the decision is; an open value or a fault as its text.
    func value(_ value: SymbolicValue, decision: String, in policy: CheckedPolicy) -> String {
        guard let known = value.known, let index = policy.decisionIndex(named: decision) else { return JSONString.quoted(value.text) }
        var bytes: [UInt8] = []
        ExamplePerson.write(known, policy.decisions[index].type, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
