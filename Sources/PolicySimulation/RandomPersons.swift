import PolicyModel
import PolicyRuntime
import CarePolicy
import PolicyCompiler
import PolicySyntax
import RecordFormats

/// A small, fast, seedable random generator (SplitMix64): the same seed gives the same
/// sequence on every machine.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    package var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid persons for a policy, made from its declared inputs alone: bools,
/// enum values, numbers within their ranges, and dates that may not be after the
/// evaluation date drawn so ages cover 0 to 110 with extra weight on birthdays.
package struct RandomPersons: Sendable {
    package let policy: CheckedPolicy

    package init(policy: CheckedPolicy) { self.policy = policy }

    /// A random date between 2000-01-01 and 2039-12-31.
    package static func randomDate(using generator: inout SeededGenerator) -> CivilDate {
        let start = CivilDate(year: 2000, month: 1, day: 1)!.dayNumber
        return CivilDate(dayNumber: start + Int(generator.next() % 14_610)) ?? CivilDate(year: 2025, month: 1, day: 1)!
    }

    package func person(number: Int, on date: CivilDate, using generator: inout SeededGenerator) -> Facts {
        var values: [Value] = []
        values.reserveCapacity(policy.inputs.count)
        for input in policy.inputs {
            values.append(value(for: input, number: number, on: date, using: &generator))
        }
        return Facts(values: values, id: "p\(number)")
    }

    package func value(for input: InputDeclaration, number: Int, on date: CivilDate, using generator: inout SeededGenerator) -> Value {
        switch input.type {
        case .bool:
            return .bool(generator.next() & 1 == 1)
        case .integer:
            let low = input.minimum?.integerValue ?? 0
            let high = input.maximum?.integerValue ?? max(low, 0) + 100
            return .integer(low + Int64(generator.next() % UInt64(max(high - low + 1, 1))))
        case .decimal:
            let low = input.minimum?.decimalValue ?? .zero
            let high = input.maximum?.decimalValue ?? ((try? low.adding(ExactDecimal(30))) ?? low)
            let spanCents = max(((try? high.subtracting(low).multiplied(by: ExactDecimal(100)))?.integerPart ?? 0), 0)
            let cents = Int64(generator.next() % UInt64(spanCents + 1))
            return .decimal((try? low.adding(ExactDecimal(mantissa: cents, scale: 2))) ?? low)
        case .string:
            return .string("p\(number)")
        case .date:
            if input.notAfterEvaluationDate {
                // Ages 0–110; one in four born on a day near the evaluation date's anniversary, one in twenty on 29 February.
                let years = Int(generator.next() % 111)
                let year = date.year - years
                switch generator.next() % 20 {
                case 0:
                    var candidate = CivilDate(year: year - year % 4, month: 2, day: 29) ?? CivilDate(year: year, month: 2, day: 28)!
                    if candidate > date { candidate = CivilDate(year: candidate.year - 4, month: 2, day: 29) ?? candidate }
                    return .date(candidate)
                case 1...5:
                    let offset = Int(generator.next() % 3) - 1
                    let anniversary = (CivilDate(year: year, month: date.month, day: min(date.day, 28)) ?? date).dayNumber + offset
                    let candidate = CivilDate(dayNumber: anniversary) ?? date
                    return .date(candidate > date ? date : candidate)
                default:
                    let start = (CivilDate(year: year, month: 1, day: 1) ?? date).dayNumber
                    let candidate = CivilDate(dayNumber: start + Int(generator.next() % 365)) ?? date
                    return .date(candidate > date ? date : candidate)
                }
            }
            return .date(RandomPersons.randomDate(using: &generator))
        case .enumeration(let enumType):
            return .enumCase(Int(generator.next() % UInt64(enumType.cases.count)))
        case .list(let element):
            if case .enumeration(let enumType) = element {
                return .list(enumType.cases.indices.filter { _ in generator.next() & 1 == 1 }.map(Value.enumCase))
            }
            return .list([])
        case .record:
            return .record([])
        }
    }
}

/// The outcome of running both evaluators over random persons.
package struct AgreementReport: Sendable {
    package var persons = 0
    /// Persons on whom both evaluators stopped with the same kind of fault.
    package var faults = 0
    /// How many persons the evaluators disagreed on.
    package var disagreements = 0
    /// Persons also evaluated by the flat machine (zero when the policy has no flat form).
    package var flatPersons = 0
    /// The first few disagreements, described.
    package var mismatches: [String] = []
}

package enum EvaluatorAgreement {
    /// Evaluates `count` random persons on random dates with the decision trees, the flat
    /// machine (when the policy has a flat form; without falling back to the trees) and the
    /// reference interpreter, and counts every person on whom they differ (in a value,
    /// in the rules that fired, or in failing), describing the first `maximumReported`.
    /// `progress` is called with the number of persons done, every 10,000.
    package static func check(_ policy: LoadedPolicy, count: Int, seed: UInt64, maximumReported: Int = 10,
                             progress: ((Int) -> Void)? = nil) -> AgreementReport {
        var generator = SeededGenerator(seed: seed)
        let persons = RandomPersons(policy: policy.checked)
        var report = AgreementReport()
        let effective = policy.metadata.effectiveFrom
        let treeSession = EvaluationSession(policy.with(engine: .tree).evaluator)
        let referenceSession = EvaluationSession(policy.with(engine: .reference).evaluator)
        let flatSession = EvaluationSession(policy.with(engine: .flat).evaluator)
        for number in 0..<count {
            var date = RandomPersons.randomDate(using: &generator)
            if let effective, date < effective { date = effective }
            let facts = persons.person(number: number, on: date, using: &generator)
            report.persons += 1
            if report.persons % 10_000 == 0 { progress?(report.persons) }
            let tree = Result { () throws(EvaluationError) -> Evaluation in try treeSession.evaluate(facts, on: date) }
            let reference = Result { () throws(EvaluationError) -> Evaluation in try referenceSession.evaluate(facts, on: date) }
            var difference: String?
            switch (tree, reference) {
            case (.success(let a), .success(let b)):
                if a.results != b.results, let first = zip(a.results, b.results).first(where: { $0 != $1 }) {
                    let name = policy.checked.decisions[first.0.decision].name
                    difference = "`\(name)` differs: tree \(first.0) vs reference \(first.1)"
                }
            case (.failure(let a), .failure(let b)):
                report.faults += 1
                if kind(of: a) != kind(of: b) { difference = "faults differ: tree \(a) / reference \(b)" }
            default:
                difference = "one evaluator failed and the other did not: \(tree) / \(reference)"
            }
            if difference == nil, flatSession.flatMachine(on: date) != nil {
                report.flatPersons += 1
                // The flat machine alone, without giving way to the trees: a fault is a failure.
                let machine = flatSession.evaluateInPlace(on: date) { machine in
                    machine.program.layout.encode(facts.values, into: machine.facts)
                    return true
                }
                let flat: Result<[DecisionResult], FlatFallback> = machine.map { .success($0.results()) } ?? .failure(FlatFallback())
                switch (flat, reference) {
                case (.success(let a), .success(let b)):
                    if a != b.results, let first = zip(a, b.results).first(where: { $0 != $1 }) {
                        let name = policy.checked.decisions[first.0.decision].name
                        difference = "`\(name)` differs: flat \(first.0) vs reference \(first.1)"
                    }
                case (.failure, .failure):
                    break
                case (.success, .failure(let error)):
                    difference = "the flat machine evaluated a person on whom the reference failed: \(error)"
                case (.failure, .success):
                    difference = "the flat machine met a fault on a person the reference evaluates"
                }
            }
            if let difference {
                report.disagreements += 1
                if report.mismatches.count < maximumReported { report.mismatches.append("person \(number) on \(date): \(difference)") }
            }
        }
        return report
    }

    package static func kind(of error: EvaluationError) -> String {
        switch error {
        case .fault(let fault): return fault.kind.rawValue
        case .invalidFacts: return "invalid facts"
        case .notInForce: return "not in force"
        }
    }
}
