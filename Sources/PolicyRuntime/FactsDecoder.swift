import Foundation
import PolicyModel
import PolicyCompiler
import RecordFormats

/// One person's facts, typed and in the policy's input order, ready to evaluate.
public struct Facts: Sendable {
    public let values: [Value]
    /// The person's `id`, when the facts carry one.
    public let id: String?

    public init(values: [Value], id: String?) {
        self.values = values
        self.id = id
    }
}

/// What is wrong with one fact: the field, and what is allowed.
public struct FactProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the facts do not fit the policy's inputs (an unknown, missing or wrongly
    /// typed field: `shape`), or a field of the right type has a value that is not
    /// allowed (out of range, not one of the enum's values, a date after the evaluation
    /// date: `value`). A service answers the first with 400 and the second with 422.
    public enum Kind: String, Sendable, Hashable {
        case shape
        case value
    }

    public let field: String
    public let message: String
    public let kind: Kind
    /// For a record that is not JSON at all: the column of the line where reading stopped.
    public let column: Int?

    public init(field: String, message: String, kind: Kind = .shape, column: Int? = nil) {
        self.field = field
        self.message = message
        self.kind = kind
        self.column = column
    }

    public var description: String { "`\(field)`: \(message)" }
}

/// Turns a JSON object into typed `Facts` for a policy, reporting every missing,
/// unknown, wrongly typed or out-of-range field at once.
package struct FactsDecoder: Sendable {
    package let policy: CheckedPolicy
    package let slots: [String: Int]

    package init(policy: CheckedPolicy) {
        self.policy = policy
        var slots: [String: Int] = [:]
        for (index, input) in policy.inputs.enumerated() { slots[input.name] = index }
        self.slots = slots
    }

    package func decode(_ json: JSONValue) -> Result<Facts, FactsError> {
        guard case .object(let object) = json else {
            return .failure(FactsError(problems: [FactProblem(field: "(facts)", message: "expected a JSON object of facts, found \(json.describe)")]))
        }
        var problems: [FactProblem] = []
        // Sorting only when some key is unknown keeps the common case free of string sorts.
        for key in object.keys.filter({ slots[$0] == nil }).sorted() {
            let hint = NameSuggestion.closest(to: key, in: slots.keys).map { "; did you mean `\($0)`?" } ?? ""
            problems.append(FactProblem(field: key, message: "is not a fact of policy `\(policy.metadata.id)`\(hint)"))
        }
        var values: [Value] = []
        values.reserveCapacity(policy.inputs.count)
        for input in policy.inputs {
            guard let raw = object[input.name], raw != .null else {
                if let value = input.defaultValue {
                    values.append(value)
                } else {
                    problems.append(FactProblem(field: input.name, message: "is missing (\(input.label)); expected \(FactsDecoder.expectation(input.type))"))
                    values.append(.bool(false))
                }
                continue
            }
            switch FactsDecoder.value(raw, as: input.type) {
            case .success(let value):
                if let problem = rangeProblem(value, input) { problems.append(problem) }
                values.append(value)
            case .failure(let message):
                problems.append(FactProblem(field: input.name, message: message.text, kind: message.kind))
                values.append(.bool(false))
            }
        }
        if !problems.isEmpty { return .failure(FactsError(problems: problems)) }
        var id: String?
        if case .string(let text)? = object["id"] { id = text }
        return .success(Facts(values: values, id: id))
    }

    package func rangeProblem(_ value: Value, _ input: InputDeclaration) -> FactProblem? {
        if let places = input.decimalPlaces, case .decimal(let number) = value, Int(number.normalized.scale) > places {
            return FactProblem(field: input.name, message: "is \(number), with more than \(places) decimal places (\(places == 2 ? "an amount in yuan and fen" : "at most \(places) allowed"))", kind: .value)
        }
        if let minimum = input.minimum, Expression.order(value, minimum, .decimal) < 0 {
            return FactProblem(field: input.name, message: "is \(value.display(as: input.type)), below the smallest allowed value \(minimum.display(as: input.type))\(FactsDecoder.rangeText(input))", kind: .value)
        }
        if let maximum = input.maximum, Expression.order(value, maximum, .decimal) > 0 {
            return FactProblem(field: input.name, message: "is \(value.display(as: input.type)), above the largest allowed value \(maximum.display(as: input.type))\(FactsDecoder.rangeText(input))", kind: .value)
        }
        return nil
    }

    package static func rangeText(_ input: InputDeclaration) -> String {
        let low = input.minimum.map { $0.display(as: input.type) } ?? "…"
        let high = input.maximum.map { $0.display(as: input.type) } ?? "…"
        return " (allowed: \(low) to \(high))"
    }

    package struct Message: Error {
        package let text: String
        package var kind: FactProblem.Kind = .shape
    }

    package static func expectation(_ type: ValueType) -> String {
        switch type {
        case .bool: return "true or false"
        case .integer: return "a whole number"
        case .decimal: return "a decimal amount such as \"12.00\""
        case .string: return "text"
        case .date: return "a date \"YYYY-MM-DD\""
        case .enumeration(let enumType): return "one of " + enumType.cases.map { "\"\($0)\"" }.joined(separator: ", ")
        case .list(let element): return "a list of " + expectation(element)
        case .record: return "an object"
        }
    }

    package static func value(_ raw: JSONValue, as type: ValueType) -> Result<Value, Message> {
        // Built only on failure: the text names every allowed value, too costly to build per fact.
        var fail: Message { Message(text: "expected \(expectation(type)), found \(raw.describe)") }
        switch (type, raw) {
        case (.bool, .bool(let value)): return .success(.bool(value))
        case (.integer, .integer(let value)): return .success(.integer(value))
        case (.integer, .number(let value)):
            if let exact = value.exact, exact.isInteger { return .success(.integer(exact.integerPart)) }
            return .failure(fail)
        case (.decimal, .integer(let value)): return .success(.decimal(ExactDecimal(value)))
        case (.decimal, .number(let value)):
            return value.exact.map { .success(.decimal($0)) } ?? .failure(fail)
        case (.decimal, .string(let text)):
            return ExactDecimal(text).map { .success(.decimal($0)) } ?? .failure(fail)
        case (.string, .string(let text)): return .success(.string(text))
        case (.date, .string(let text)):
            return CivilDate(text).map { .success(.date($0)) } ?? .failure(Message(text: "expected a date \"YYYY-MM-DD\" that exists in the calendar, found \"\(text)\"", kind: .value))
        case (.enumeration(let enumType), .string(let text)):
            if let index = enumType.index(of: text) { return .success(.enumCase(index)) }
            let hint = NameSuggestion.closest(to: text, in: enumType.cases).map { "; did you mean \"\($0)\"?" } ?? ""
            return .failure(Message(text: "\"\(text)\" is not allowed; expected \(expectation(type))\(hint)", kind: .value))
        case (.list(let element), .array(let items)):
            var values: [Value] = []
            for item in items {
                switch value(item, as: element) {
                case .success(let value): values.append(value)
                case .failure(let message): return .failure(Message(text: "an item: " + message.text, kind: message.kind))
                }
            }
            return .success(.list(values))
        default:
            return .failure(fail)
        }
    }
}

/// Facts that cannot be evaluated, with every problem found.
public struct FactsError: Error, Sendable, CustomStringConvertible {
    public let problems: [FactProblem]

    public init(problems: [FactProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
