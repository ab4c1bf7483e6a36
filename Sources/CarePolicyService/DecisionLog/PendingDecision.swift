import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// An evaluation waiting to be written: the request path only appends this (a few
/// references); turning it into text and masking it happen on the writer's task.
struct PendingDecision: Sendable {
    let recordedAt: Date
    let policy: CheckedPolicy
    let evaluation: Evaluation
    let facts: JSONValue
    let traces: [DecisionTrace]?
    let endpoint: String

    func stored(masking: DecisionMasking) -> StoredDecision {
        let metadata = evaluation.policy
        var decisions: [(String, JSONText.Node)] = []
        var fired: [(String, JSONText.Node)] = []
        for result in evaluation.results {
            let decision = policy.decisions[result.decision]
            if decision.isPublic { decisions.append((decision.name, JSONText.value(result.value, type: decision.type))) }
            let rules = decision.rules
            fired.append((decision.name, .array(result.firedRules.map { .string($0 < rules.count ? rules[$0].id : "?") })))
        }
        return StoredDecision(
            id: nil,
            recordedAt: UTCTimestamp.text(recordedAt),
            policyID: metadata.id,
            policyVersion: metadata.version,
            policyHash: metadata.contentHash,
            asOf: evaluation.date.description,
            person: masking.storedPerson(evaluation.personID),
            facts: masking.facts(facts).text,
            decisions: JSONText.write(.object(decisions)),
            firedRules: JSONText.write(.object(fired)),
            trace: traces.map { JSONText.write(masking.trace(.array($0.map(\.json)))) },
            endpoint: endpoint)
    }
}

/// `2026-06-01T08:30:00.123Z`.
enum UTCTimestamp {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(milliseconds % 1000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
