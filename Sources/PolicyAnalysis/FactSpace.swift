import PolicyModel
import PolicyCompiler

/// The facts an analysis ranges over — the inputs of one policy, or of two versions of a
/// policy joined by name — and the period of evaluation dates it covers. It gives each
/// subject its full domain: declared ranges, enum values, ages from zero.
package struct FactSpace: Sendable {
    /// Every input, in the first policy's order, then those only the second declares.
    package let inputs: [InputDeclaration]
    /// The first evaluation date of the period.
    package let from: CivilDate
    /// The last evaluation date of the period; nil when open-ended.
    package let until: CivilDate?
    package let slots: [String: Int]

    /// The facts of `policies`, joined by name; a fact two policies declare differently
    /// (another type or other enum values) cannot be compared and is an error.
    package init(policies: [CheckedPolicy], from: CivilDate, until: CivilDate?) throws(AnalysisError) {
        var inputs: [InputDeclaration] = []
        var slots: [String: Int] = [:]
        for policy in policies {
            for input in policy.inputs {
                if let slot = slots[input.name] {
                    let known = inputs[slot]
                    if known.type != input.type || Self.cases(known.type) != Self.cases(input.type) {
                        throw AnalysisError("fact `\(input.name)` is \(Self.describe(known.type)) in one policy and \(Self.describe(input.type)) in the other, so they cannot be compared")
                    }
                    continue
                }
                slots[input.name] = inputs.count
                inputs.append(input)
            }
        }
        self.inputs = inputs
        self.slots = slots
        self.from = from
        self.until = until
        var full: [Subject: (Domain, Bool)] = [:]
        for input in inputs {
            for subject in [Subject.fact(input.name), .age(input.name)] {
                let integral = computeIsIntegral(subject)
                full[subject] = (integral ? computeFullDomain(subject).normalized : computeFullDomain(subject), integral)
            }
        }
        full[.evaluationDate] = (computeFullDomain(.evaluationDate).normalized, true)
        known = full
    }

    /// Full domains (whole-number bounds made inclusive) and integrality, worked out once.
    package var known: [Subject: (Domain, Bool)] = [:]

    package static func cases(_ type: ValueType) -> [String] {
        if case .enumeration(let enumType) = type { return enumType.cases }
        return []
    }

    package static func describe(_ type: ValueType) -> String {
        if case .enumeration(let enumType) = type { return "one of " + enumType.cases.joined(separator: ", ") }
        return type.description
    }

    package func input(named name: String) -> InputDeclaration? { slots[name].map { inputs[$0] } }

    /// The position of a subject's fact in `inputs`, for ordering descriptions.
    package func position(_ subject: Subject) -> Int {
        switch subject {
        case .fact(let name), .age(let name): return slots[name] ?? Int.max - 2
        case .evaluationDate: return Int.max - 1
        case .test: return Int.max
        }
    }

    /// Whether the subject takes whole numbers only (integers, dates, ages).
    package func isIntegral(_ subject: Subject) -> Bool {
        known[subject]?.1 ?? computeIsIntegral(subject)
    }

    /// Every value a subject can take (whole-number bounds inclusive for whole-number subjects).
    package func fullDomain(_ subject: Subject) -> Domain {
        known[subject]?.0 ?? computeFullDomain(subject)
    }

    package func computeIsIntegral(_ subject: Subject) -> Bool {
        switch subject {
        case .age, .evaluationDate: return true
        case .test: return false
        case .fact(let name):
            guard let input = input(named: name) else { return false }
            return input.type == .integer || input.type == .date
        }
    }

    package func computeFullDomain(_ subject: Subject) -> Domain {
        switch subject {
        case .test: return .bothFlags
        case .evaluationDate:
            return .numbers(ValueBounds(from: ExactDecimal(Int64(from.dayNumber)), to: until.map { ExactDecimal(Int64($0.dayNumber)) }))
        case .age(let name):
            let floor = input(named: name)?.notAfterEvaluationDate == true ? ExactDecimal.zero : nil
            return .numbers(ValueBounds(from: floor, to: nil))
        case .fact(let name):
            guard let input = input(named: name) else { return .bothFlags }
            switch input.type {
            case .bool: return .bothFlags
            case .enumeration(let enumType): return .cases(enumType.cases.count >= 64 ? .max : (UInt64(1) << UInt64(enumType.cases.count)) - 1)
            case .integer, .decimal:
                return .numbers(ValueBounds(from: input.minimum?.decimalValue, to: input.maximum?.decimalValue))
            case .date:
                var upper = input.maximum?.dateValue
                if input.notAfterEvaluationDate, let until { upper = upper.map { min($0, until) } ?? until }
                return .numbers(ValueBounds(from: input.minimum?.dateValue.map { ExactDecimal(Int64($0.dayNumber)) },
                                            to: upper.map { ExactDecimal(Int64($0.dayNumber)) }))
            default: return .bothFlags
            }
        }
    }
}

/// Why an analysis could not be made: two policies whose facts do not match, a decision
/// one of them lacks.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    public let message: String
    package init(_ message: String) { self.message = message }
    public var description: String { message }
}
