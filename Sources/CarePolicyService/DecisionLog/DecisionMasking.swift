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
/// HMAC-SHA256(key, id) in hex (in the `person` column and in the facts), and the
/// named fields are dropped from the facts. Without a key, ids are stored as given.
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

    /// The facts as stored: dropped fields removed, `id` masked.
    package func facts(_ facts: JSONValue) -> JSONValue {
        guard case .object(var members) = facts else { return facts }
        for field in droppedFields { members.removeValue(forKey: field) }
        if personKey != nil, case .string(let id)? = members["id"] { members["id"] = .string(person(id)) }
        return .object(members)
    }
}
