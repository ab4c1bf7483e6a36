import GRDB

/// One row of the decision log: what was decided for whom, when, under which exact
/// policy text. `facts`, `decisions`, `fired_rules` and `trace` hold JSON text.
public struct StoredDecision: Sendable, Codable, FetchableRecord, PersistableRecord, Equatable {
    public static let databaseTableName = "decision"

    public var id: Int64?
    /// UTC, `2026-06-01T08:30:00.123Z`.
    public var recordedAt: String
    public var policyID: String
    public var policyVersion: String
    public var policyHash: String
    /// The evaluation date.
    public var asOf: String
    /// The person's id, or its keyed hash when ids are masked; nil when the facts had none.
    public var person: String?
    public var facts: String
    public var decisions: String
    /// Each decision's fired rule ids, internal decisions included: `{"service_tier":["free"],…}`.
    public var firedRules: String
    /// The full trace, when the request asked for an explanation.
    public var trace: String?
    /// `evaluate` or `evaluate-batch`.
    public var endpoint: String

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
