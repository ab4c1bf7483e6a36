import Crypto
import Foundation
import PolicyRuntime
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

/// How personal data is hidden before a decision is stored: the person's `id` becomes
/// HMAC-SHA256(key, id) in hex (in the `person` column, the facts and the trace), and the
/// named fields are dropped from everything stored: the facts, and the values each
/// decision's trace shows it read (a definition such as `age` is dropped when named
/// too). Dropping `id` leaves the `person` column empty. Without a key, ids are stored
/// as given. Failed evaluations are not stored, so no error message is.
///
/// ```swift
/// let masking = DecisionMasking(personKey: Array("secret".utf8), droppedFields: ["birth_date"])
/// masking.person("AQ-2026-0001")   // "5d0c…" (64 hex digits)
/// ```
package struct DecisionMasking: Sendable {
    package let personKey: [UInt8]?
    package let droppedFields: Set<String>

    package init(personKey: [UInt8]?, droppedFields: Set<String>) {
        self.personKey = personKey
        self.droppedFields = droppedFields
    }

    /// The value stored for a person's id, and looked up by `/v1/decisions?person=`.
    package func person(_ id: String) -> String {
        guard let personKey else { return id }
        let code = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: personKey))
        return code.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }

    /// The `person` column: the id masked, or nothing when `id` is dropped.
    package func storedPerson(_ id: String?) -> String? {
        guard let id, !droppedFields.contains("id") else { return nil }
        return person(id)
    }

    /// The facts as stored: dropped fields removed, `id` masked.
    package func facts(_ facts: JSONValue) -> JSONValue {
        guard case .object(var members) = facts else { return facts }
        for field in droppedFields { members.removeValue(forKey: field) }
        if personKey != nil, case .string(let id)? = members["id"] { members["id"] = .string(person(id)) }
        return .object(members)
    }

    /// A trace as stored (`[{"decision", …, "read": {name: value}}]`): dropped names
    /// removed from what each decision read, `id` masked.
    package func trace(_ trace: JSONText.Node) -> JSONText.Node {
        guard case .array(let decisions) = trace else { return trace }
        return .array(decisions.map { decision in
            guard case .object(let entries) = decision else { return decision }
            return .object(entries.map { key, value in
                guard key == "read", case .object(let read) = value else { return (key, value) }
                return (key, .object(read.compactMap { name, value in
                    if droppedFields.contains(name) { return nil }
                    if name == "id", personKey != nil, case .string(let id) = value { return (name, .string(person(id))) }
                    return (name, value)
                }))
            })
        })
    }
}
