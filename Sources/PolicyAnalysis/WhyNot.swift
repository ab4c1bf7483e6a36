import PolicyModel
import PolicyCompiler

/// The smallest changes of a person's facts that would give a decision a wanted value,
/// read from the decision's partition: each piece with that value is a set of
/// constraints, and the facts the person breaks are the changes. Facts that record the
/// past (a birth date: a date that may not be after the evaluation date) never change;
/// only the evaluation date moves, so an age is reached by waiting for a birthday.
package enum WhyNot {
    /// One fact to change: the values it must take, and a value that does.
    package struct Change: Sendable, Hashable {
        package let subject: Subject
        package let required: Domain
        package let current: Value
        package let chosen: Value
    }

    /// A way to the wanted value: the changes, the date from which it applies, the rules
    /// that would then fire, and the person after the changes.
    package struct Option: Sendable {
        package let changes: [Change]
        package let date: CivilDate
        /// The age (or date) constraints reached by waiting, when `date` is later than asked.
        package let waited: [(subject: Subject, required: Domain)]
        package let rules: [Int]
        package let person: ExamplePerson
        package let exact: Bool
    }

    /// Options for `person` (every fact by name) evaluated on `date`, fewest changes first;
    /// options that need a superset of another's changes, no sooner, are left out.
    package static func options(for compiled: CompiledPolicy, decision: Int, target: Value, person: [String: Value], on date: CivilDate, limit: Int = 5) -> [Option] {
        let policy = compiled.checked
        var found: [Option] = []
        for period in AnalysisPeriod.periods(of: compiled) where period.until.map({ $0 >= date }) ?? true {
            let start = max(date, period.from)
            guard let space = try? FactSpace(policies: [policy], from: start, until: period.until) else { continue }
            let symbolic = SymbolicPolicy(policy: policy, epoch: period.epoch, space: space)
            for piece in symbolic.partition(of: decision) where piece.outcome.value.known == target {
                if let option = option(piece, space: space, person: person, from: start) { found.append(option) }
            }
        }
        found.sort { ($0.changes.count, $0.date, $0.changes.map(\.subject.description).joined()) < ($1.changes.count, $1.date, $1.changes.map(\.subject.description).joined()) }
        var kept: [Option] = []
        for option in found {
            let subjects = Set(option.changes.map(\.subject))
            if kept.contains(where: { Set($0.changes.map(\.subject)).isSubset(of: subjects) && $0.date <= option.date }) { continue }
            kept.append(option)
            if kept.count == limit { break }
        }
        return kept
    }

    package static func option(_ piece: Piece, space: FactSpace, person: [String: Value], from start: CivilDate) -> Option? {
        var date = start
        var waited: [(Subject, Domain)] = []
        var changes: [Change] = []
        // Waiting: ages and the evaluation date only grow; twice, since one may move the other.
        for _ in 0..<2 {
            for (subject, domain) in piece.region.domains {
                guard case .numbers(let bounds) = domain, let lower = bounds.lower?.value else { continue }
                switch subject {
                case .age(let name):
                    guard case .date(let birth)? = person[name] else { return nil }
                    if ExactDecimal(Int64(CivilDate.fullYears(from: birth, to: date))) < lower {
                        guard let reached = birthday(of: birth, age: Int(lower.integerPart)) else { return nil }
                        date = max(date, reached)
                    }
                case .evaluationDate:
                    if ExactDecimal(Int64(date.dayNumber)) < lower, let day = CivilDate(dayNumber: Int(lower.integerPart)) { date = day }
                default: break
                }
            }
        }
        if let until = space.until, date > until { return nil }
        for subject in piece.region.subjects(in: space) {
            let domain = piece.region.domains[subject]!
            switch subject {
            case .age(let name):
                guard case .date(let birth)? = person[name], ExampleMatch.allows(domain, .integer(Int64(CivilDate.fullYears(from: birth, to: date)))) else { return nil }
                if date > start { waited.append((subject, domain)) }
            case .evaluationDate:
                guard ExampleMatch.allows(domain, .date(date)) else { return nil }
                if date > start { waited.append((subject, domain)) }
            case .fact(let name):
                guard let input = space.input(named: name), let current = person[name] else { return nil }
                if ExampleMatch.allows(domain, current) { continue }
                if input.notAfterEvaluationDate { return nil }
                guard let chosen = ExampleMatch.nearest(to: current, in: domain, input: input, on: date) else { return nil }
                changes.append(Change(subject: subject, required: domain, current: current, chosen: chosen))
            case .test:
                continue
            }
        }
        let names = space.inputs.map(\.name)
        let values = names.map { name in changes.first { $0.subject == .fact(name) }?.chosen ?? person[name] ?? .bool(false) }
        let example = ExamplePerson(names: names, values: values, types: space.inputs.map(\.type), date: date, shown: changes.compactMap {
            if case .fact(let name) = $0.subject { return name } else { return nil }
        })
        return Option(changes: changes, date: date, waited: waited, rules: piece.outcome.rules, person: example, exact: piece.region.isExact)
    }

    /// The day a person born on `birth` reaches `age` full years (1 March for 29 February in a common year).
    package static func birthday(of birth: CivilDate, age: Int) -> CivilDate? {
        CivilDate(year: birth.year + age, month: birth.month, day: birth.day) ?? CivilDate(year: birth.year + age, month: 3, day: 1)
    }
}

/// Values against domains: whether one is allowed, and the allowed value nearest another.
package enum ExampleMatch {
    package static func allows(_ domain: Domain, _ value: Value) -> Bool { ExamplePerson.allows(domain, value) }

    package static func nearest(to current: Value, in domain: Domain, input: InputDeclaration, on date: CivilDate) -> Value? {
        switch (domain, current) {
        case (.numbers(let bounds), _):
            guard let number = SymbolicPolicy.number(current) else { return ExamplePerson.pick(input, in: domain, on: date) }
            let integral = input.type == .integer || input.type == .date
            let target = integral ? bounds.integral : bounds
            var candidate: ExactDecimal?
            if let lower = target.lower, number < lower.value || (number == lower.value && lower.strict) {
                candidate = lower.strict ? ExamplePerson.decimal(in: target, places: input.decimalPlaces ?? 2) : lower.value
            } else if let upper = target.upper {
                candidate = upper.strict ? ExamplePerson.decimal(in: target, places: input.decimalPlaces ?? 2) : upper.value
            }
            guard let candidate, target.contains(candidate) else { return ExamplePerson.pick(input, in: domain, on: date) }
            switch input.type {
            case .integer: return .integer(candidate.integerPart)
            case .date: return CivilDate(dayNumber: Int(candidate.integerPart)).map(Value.date)
            default: return .decimal(candidate)
            }
        default:
            return ExamplePerson.pick(input, in: domain, on: date)
        }
    }
}
