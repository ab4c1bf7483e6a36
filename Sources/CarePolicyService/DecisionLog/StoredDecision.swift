import GRDB
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// One row of the decision log: what was decided for whom, when, under which exact
/// policy text. `facts`, `decisions`, `fired_rules` and `trace` hold JSON text.
package struct StoredDecision: Sendable, Codable, FetchableRecord, PersistableRecord, Equatable {
    package static let databaseTableName = "decision"

    package var id: Int64?
    /// UTC, `2026-06-01T08:30:00.123Z`.
    package var recordedAt: String
    package var policyID: String
    package var policyVersion: String
    package var policyHash: String
    /// The evaluation date.
    package var asOf: String
    /// The person's id, or its keyed hash when ids are masked; nil when the facts had none.
    package var person: String?
    package var facts: String
    package var decisions: String
    /// Each decision's fired rule ids, internal decisions included: `{"service_tier":["free"],…}`.
    package var firedRules: String
    /// The full trace, when the request asked for an explanation.
    package var trace: String?
    /// `evaluate` or `evaluate-batch`.
    package var endpoint: String

    enum CodingKeys: String, CodingKey {
        case id
        case recordedAt = "recorded_at"
        case policyID = "policy_id"
        case policyVersion = "policy_version"
        case policyHash = "policy_hash"
        case asOf = "as_of"
        case person, facts, decisions
        case firedRules = "fired_rules"
        case trace, endpoint
    }
}
