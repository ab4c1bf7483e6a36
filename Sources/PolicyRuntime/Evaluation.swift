import PolicyModel
import PolicyCompiler
import RecordFormats

/// Every decision of a policy for one person on one date, with what fired.
public struct Evaluation: Sendable {
    public let policy: PolicyMetadata
    public let date: CivilDate
    public let personID: String?
    /// One result per decision of the policy, in file order (internal ones included).
    public let results: [DecisionResult]

    public init(policy: PolicyMetadata, date: CivilDate, personID: String?, results: [DecisionResult]) {
        self.policy = policy
        self.date = date
        self.personID = personID
        self.results = results
    }
}

/// One decision's value and the rules that gave it.
public struct DecisionResult: Sendable, Hashable {
    public let decision: Int
    public let value: Value
    /// Indices into the decision's `rules` (the `else` row, if any, is last).
    public let firedRules: [Int]
}

/// Why an evaluation gave no decisions.
public enum EvaluationError: Error, Sendable, CustomStringConvertible {
    /// The facts are invalid for this policy (every problem named).
    case invalidFacts(FactsError)
    /// The policy met a fault while evaluating (division by zero, no rule matched, …).
    case fault(EvaluationFault)
    /// The date is outside the policy's effective dates.
    case notInForce(String)

    public var description: String {
        switch self {
        case .invalidFacts(let error): return "invalid facts: \(error)"
        case .fault(let fault): return fault.description
        case .notInForce(let message): return message
        }
    }
}
