import Foundation
import PolicyModel
import PolicyCompiler
import RecordFormats

/// Follows an application along a policy's approval path: each step may only follow
/// its predecessor, any open application may be rejected with a reason, and a closed
/// application takes no more steps. A refused step changes nothing.
///
/// ```swift
/// var path = try ApprovalReplay(policy: loaded.checked)
/// path.apply(line: 1, json: #"{"step":"submitted","date":"2026-01-05"}"#)
/// path.next?.actor   // who takes the next step
/// ```
public struct ApprovalReplay: Sendable {
    /// One accepted step of the history.
    public struct Entry: Sendable, Equatable {
        public let line: Int
        public let step: String
        public let date: CivilDate
        public let by: String?
        public let reason: String?
    }

    /// A step the path refused, and why.
    public struct Refusal: Error, Sendable, Equatable {
        public let line: Int
        public let step: String?
        public let reason: String
        public init(line: Int, step: String?, reason: String) {
            self.line = line
            self.step = step
            self.reason = reason
        }
    }

    package let approval: ApprovalDeclaration
    public private(set) var history: [Entry] = []
    public private(set) var refused: [Refusal] = []
    /// Set when the application was rejected.
    public private(set) var rejected = false

    package init(policy: CheckedPolicy) throws(LedgerError) {
        guard let approval = policy.approval else { throw LedgerError("policy `\(policy.metadata.id)` has no `approval:` section") }
        self.approval = approval
    }

    /// The index of the last step passed, or nil before submission.
    public var stepIndex: Int? {
        guard let last = history.last(where: { !($0.step == approval.rejection) }) else { return nil }
        return approval.stepIndex(last.step)
    }

    /// The current state: the last step passed, the rejection, or nil before the first step.
    public var state: String? { rejected ? approval.rejection : stepIndex.map { approval.steps[$0].id } }

    /// Whether the application has reached its last step or was rejected.
    public var isClosed: Bool { rejected || stepIndex == approval.steps.count - 1 }

    /// The step that comes next and who takes it; nil once closed.
    package var next: ApprovalDeclaration.Step? {
        if isClosed { return nil }
        return approval.steps[(stepIndex ?? -1) + 1]
    }

    @discardableResult
    public mutating func apply(line: Int, json text: String) -> Refusal? {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text.utf8)
        } catch {
            return refuse(Refusal(line: line, step: nil, reason: "the line is not valid JSON (column \(error.column): \(error.message))"))
        }
        return apply(line: line, json: json)
    }

    @discardableResult
    package mutating func apply(line: Int, json: JSONValue) -> Refusal? {
        switch check(line: line, json: json) {
        case .success(let entry):
            if entry.step == approval.rejection { rejected = true }
            history.append(entry)
            return nil
        case .failure(let refusal):
            return refuse(refusal)
        }
    }

    package mutating func refuse(_ refusal: Refusal) -> Refusal {
        refused.append(refusal)
        return refusal
    }

    package func describe(_ step: ApprovalDeclaration.Step) -> String { "`\(step.id)` (\(step.label), taken by \(step.actor))" }

    package func check(line: Int, json: JSONValue) -> Result<Entry, Refusal> {
        guard case .object(let object) = json else { return .failure(Refusal(line: line, step: nil, reason: "a step must be a JSON object, not \(json.describe)")) }
        let known = approval.steps.map(\.id) + [approval.rejection]
        guard case .string(let step)? = object["step"] else {
            return .failure(Refusal(line: line, step: nil, reason: "the line has no `step`; the steps are " + known.map { "`\($0)`" }.joined(separator: ", ")))
        }
        func refusal(_ reason: String) -> Result<Entry, Refusal> { .failure(Refusal(line: line, step: step, reason: reason)) }
        guard known.contains(step) else {
            let hint = NameSuggestion.closest(to: step, in: known).map { "; did you mean `\($0)`?" } ?? ""
            return refusal("unknown step `\(step)`; the steps are " + known.map { "`\($0)`" }.joined(separator: ", ") + hint)
        }
        guard case .string(let dateText)? = object["date"], let date = CivilDate(dateText) else {
            return refusal("the step needs a `date` written YYYY-MM-DD")
        }
        var by: String?
        if case .string(let text)? = object["by"] { by = text }
        var reason: String?
        if case .string(let text)? = object["reason"], !text.trimmingCharacters(in: .whitespaces).isEmpty { reason = text }
        if let last = history.last, date < last.date {
            return refusal("dated \(date), before the previous step `\(last.step)` (\(last.date))")
        }
        if rejected { return refusal("the application was already rejected (\(approval.rejectionLabel)); it takes no more steps") }
        if isClosed, let last = approval.steps.last {
            return refusal("the application has already passed its last step \(describe(last)); it takes no more steps")
        }
        let expected = approval.steps[(stepIndex ?? -1) + 1]
        if step == approval.rejection {
            guard stepIndex != nil else { return refusal("nothing to reject: the application has not been submitted; the first step is \(describe(expected))") }
            guard reason != nil else { return refusal("a rejection needs a `reason`, which is shown to the applicant") }
            return .success(Entry(line: line, step: step, date: date, by: by ?? expected.actor, reason: reason))
        }
        guard step == expected.id else {
            let now = stepIndex.map { "the application is at \(describe(approval.steps[$0]))" } ?? "the application has not been submitted"
            return refusal("step `\(step)` cannot come now: \(now); the next step is \(describe(expected))")
        }
        return .success(Entry(line: line, step: step, date: date, by: by, reason: reason))
    }

    /// `{"title":…, "state":…, "closed":…, "next":{…}, "history":[…], "refused":[…]}`.
    package var json: JSONText.Node {
        let stateLabel: String? = rejected ? approval.rejectionLabel : stepIndex.map { approval.steps[$0].label }
        return .object([
            ("title", .string(approval.title)),
            ("state", state.map { .string($0) } ?? .null),
            ("state_label", stateLabel.map { .string($0) } ?? .null),
            ("closed", .bool(isClosed)),
            ("next", next.map { step in .object([("step", .string(step.id)), ("label", .string(step.label)), ("actor", .string(step.actor))]) } ?? .null),
            ("history", .array(history.map { entry in
                var fields: [(String, JSONText.Node)] = [("line", .integer(Int64(entry.line))), ("step", .string(entry.step)), ("date", .string(entry.date.description))]
                if let by = entry.by { fields.append(("by", .string(by))) }
                if let reason = entry.reason { fields.append(("reason", .string(reason))) }
                return .object(fields)
            })),
            ("refused", .array(refused.map { refusal in
                .object([("line", .integer(Int64(refusal.line))), ("step", refusal.step.map { .string($0) } ?? .null), ("reason", .string(refusal.reason))])
            })),
        ])
    }
}
