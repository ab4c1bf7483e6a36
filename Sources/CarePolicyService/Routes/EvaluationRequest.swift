import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The body of `POST /v1/policies/{id}/evaluate`:
/// `{"facts": {…}, "as_of": "2026-06-01", "explain": true}`; `as_of` defaults to today,
/// `explain` to false.
struct EvaluationRequest {
    let facts: JSONValue
    let asOf: CivilDate
    let explain: Bool

    static let keys = ["facts", "as_of", "explain"]

    init(_ body: JSONValue) throws(APIError) {
        let members = try Self.members(body, allowed: Self.keys)
        guard let facts = members["facts"] else {
            throw APIError.invalidField("facts", "is missing; send the person's facts as a JSON object: {\"facts\": {…}}")
        }
        guard case .object = facts else {
            throw APIError.invalidField("facts", "expected a JSON object of facts, found \(facts.describe)")
        }
        self.facts = facts
        asOf = try Self.date(members["as_of"])
        explain = try Self.flag(members["explain"], name: "explain")
    }

    /// The members of a request object, refusing unknown keys with a suggestion.
    static func members(_ body: JSONValue, allowed: [String]) throws(APIError) -> [String: JSONValue] {
        guard case .object(let members) = body else {
            throw APIError(.badRequest, code: "invalid_request", message: "expected a JSON object, found \(body.describe)")
        }
        for key in members.keys.sorted() where !allowed.contains(key) {
            let hint = NameSuggestion.closest(to: key, in: allowed).map { "; did you mean `\($0)`?" } ?? ""
            throw APIError.invalidField(key, "is not a field of this request (allowed: \(allowed.joined(separator: ", ")))\(hint)")
        }
        return members
    }

    static func date(_ value: JSONValue?) throws(APIError) -> CivilDate {
        switch value {
        case nil, .null?: return CivilDate.today()
        case .string(let text)?:
            guard let date = CivilDate(text) else {
                throw APIError.invalidField("as_of", "expected a date \"YYYY-MM-DD\" that exists in the calendar, found \"\(text)\"")
            }
            return date
        case let other?: throw APIError.invalidField("as_of", "expected a date \"YYYY-MM-DD\", found \(other.describe)")
        }
    }

    static func flag(_ value: JSONValue?, name: String) throws(APIError) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case let other?: throw APIError.invalidField(name, "expected true or false, found \(other.describe)")
        }
    }
}
