import PolicyModel
import PolicyCompiler
import RecordFormats

/// A concrete person drawn from a region: a valid value for every fact (within its range,
/// one of its enum values, a birth date that gives the needed age on the evaluation
/// date) and the evaluation date. Re-evaluating it reproduces what the region claims.
package struct ExamplePerson: Sendable, Hashable {
    /// Every fact of the fact space, in its order.
    package let names: [String]
    package let values: [Value]
    package let types: [ValueType]
    /// The evaluation date.
    package let date: CivilDate
    /// The facts the region constrains: the ones that make the example what it is.
    package let shown: [String]

    package func value(of name: String) -> Value? { names.firstIndex(of: name).map { values[$0] } }

    /// The person's facts as one JSON object, every fact or only `shown` ones, spaced for
    /// reading (`{"age": 70, "residence": "rural"}`).
    package func json(onlyShown: Bool = false) -> String {
        var bytes: [UInt8] = [123]
        for (position, index) in names.indices.filter({ !onlyShown || shown.contains(names[$0]) }).enumerated() {
            if position > 0 { bytes.appendASCII(", ") }
            JSONString.appendQuoted(names[index], to: &bytes)
            bytes.appendASCII(": ")
            Self.write(values[index], types[index], into: &bytes)
        }
        bytes.append(125)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A value as JSON: a decimal as a string with at least two places, a list spaced.
    package static func write(_ value: Value, _ type: ValueType, into bytes: inout [UInt8]) {
        switch (value, type) {
        case (.bool(let flag), _): flag ? bytes.appendASCII("true") : bytes.appendASCII("false")
        case (.integer(let number), _): bytes.appendInteger(number)
        case (.decimal(let number), _): JSONString.appendQuoted(number.formatted(places: max(2, Int(number.normalized.scale))), to: &bytes)
        case (.string(let text), _): JSONString.appendQuoted(text, to: &bytes)
        case (.date(let date), _): JSONString.appendQuoted(date.description, to: &bytes)
        case (.enumCase, .enumeration): JSONString.appendQuoted(value.display(as: type), to: &bytes)
        case (.list(let items), .list(let element)):
            bytes.append(91)
            for (position, item) in items.enumerated() {
                if position > 0 { bytes.appendASCII(", ") }
                write(item, element, into: &bytes)
            }
            bytes.append(93)
        default: bytes.appendASCII("null")
        }
    }

    /// A person of `region`, evaluated on `preferred` when the region allows it; nil when
    /// no valid person could be built (the region then needs a closer look).
    package static func make(for region: Region, in space: FactSpace, preferring preferred: CivilDate? = nil) -> ExamplePerson? {
        // A period open to the beginning of time is seen from its end, where birth dates are ordinary.
        let early = CivilDate(year: 1900, month: 1, day: 1)!
        let fallback = space.from < early ? (space.until ?? early) : space.from
        guard let date = pickDate(region.domain(.evaluationDate, in: space), preferred: preferred ?? fallback) else { return nil }
        var values: [Value] = []
        var shown: [String] = []
        for input in space.inputs {
            let subject = Subject.fact(input.name)
            let domain = region.domain(subject, in: space)
            let constrainsAge = region.domains[.age(input.name)] != nil
            if region.domains[subject] != nil || constrainsAge { shown.append(input.name) }
            let value: Value?
            switch input.type {
            case .date where input.notAfterEvaluationDate || constrainsAge:
                value = birthDate(age: region.domain(.age(input.name), in: space), within: domain, on: date)
            default:
                value = pick(input, in: domain, on: date)
            }
            guard let value else { return nil }
            values.append(value)
        }
        return ExamplePerson(names: space.inputs.map(\.name), values: values, types: space.inputs.map(\.type), date: date, shown: shown)
    }

    package static func pickDate(_ domain: Domain, preferred: CivilDate) -> CivilDate? {
        guard case .numbers(let bounds) = domain else { return preferred }
        let day = ExactDecimal(Int64(preferred.dayNumber))
        if bounds.contains(day) { return preferred }
        guard let chosen = bounds.lower?.value ?? bounds.upper?.value else { return preferred }
        return CivilDate(dayNumber: Int(chosen.integerPart))
    }

    /// The same day `years` earlier (28 February for 29 February in a common year).
    package static func anniversary(of date: CivilDate, yearsBefore years: Int) -> CivilDate? {
        CivilDate(year: date.year - years, month: date.month, day: date.day) ?? CivilDate(year: date.year - years, month: 2, day: 28)
    }

    /// The latest birth date within `dates` that gives an age in `ages` on `date`.
    package static func birthDate(age ages: Domain, within dates: Domain, on date: CivilDate) -> Value? {
        guard case .numbers(let ageBounds) = ages, case .numbers(let dateBounds) = dates else { return nil }
        let first = max(ageBounds.lower?.value.integerPart ?? 0, 0)
        let last = min(ageBounds.upper?.value.integerPart ?? first + 150, first + 150)
        guard first <= last else { return nil }
        // An age bounded only from above (`age < 60`) reads best at its top (59), otherwise at its bottom.
        let ages = ageBounds.lower == nil || ageBounds.lower?.value == .zero && ageBounds.upper != nil ? Array((first...last).reversed()) : Array(first...last)
        for age in ages {
            guard let latest = anniversary(of: date, yearsBefore: Int(age)),
                  let before = anniversary(of: date, yearsBefore: Int(age) + 1) else { continue }
            let window = ValueBounds(lower: .init(value: ExactDecimal(Int64(before.dayNumber)), strict: true),
                                     upper: .init(value: ExactDecimal(Int64(latest.dayNumber)), strict: false))
            let allowed = window.intersection(dateBounds).integral
            guard !allowed.isEmpty, let upper = allowed.upper?.value, let birth = CivilDate(dayNumber: Int(upper.integerPart)),
                  CivilDate.fullYears(from: birth, to: date) == Int(age) else { continue }
            return .date(birth)
        }
        return nil
    }

    package static func pick(_ input: InputDeclaration, in domain: Domain, on date: CivilDate) -> Value? {
        if let value = input.defaultValue, allows(domain, value) { return value }
        switch (input.type, domain) {
        case (.bool, .flags(let bits)):
            return bits & 0b01 != 0 ? .bool(false) : (bits & 0b10 != 0 ? .bool(true) : nil)
        case (.enumeration, .cases(let bits)):
            return bits == 0 ? nil : .enumCase(bits.trailingZeroBitCount)
        case (.integer, .numbers(let bounds)):
            let bounds = bounds.integral
            if bounds.isEmpty { return nil }
            // A constrained end reads best: `ability_level ≥ 2` gives 2, `ability_level ≤ 1` gives 1.
            if case .numbers(let full) = fullRange(input), let lower = bounds.lower, lower != full.lower { return .integer(lower.value.integerPart) }
            if case .numbers(let full) = fullRange(input), let upper = bounds.upper, upper != full.upper { return .integer(upper.value.integerPart) }
            if bounds.contains(.zero) { return .integer(0) }
            return (bounds.lower ?? bounds.upper).map { .integer($0.value.integerPart) }
        case (.decimal, .numbers(let bounds)):
            return decimal(in: bounds, places: input.decimalPlaces ?? 2).map(Value.decimal)
        case (.date, .numbers(let bounds)):
            let bounds = bounds.integral
            if bounds.contains(ExactDecimal(Int64(date.dayNumber))) { return .date(date) }
            return (bounds.lower ?? bounds.upper).flatMap { CivilDate(dayNumber: Int($0.value.integerPart)) }.map(Value.date)
        case (.string, _): return .string("example")
        case (.list, _): return .list([])
        default: return nil
        }
    }

    package static func fullRange(_ input: InputDeclaration) -> Domain {
        .numbers(ValueBounds(from: input.minimum?.decimalValue, to: input.maximum?.decimalValue).integral)
    }

    package static func allows(_ domain: Domain, _ value: Value) -> Bool {
        switch (domain, value) {
        case (.flags(let bits), .bool(let flag)): return bits & (flag ? 0b10 : 0b01) != 0
        case (.cases(let bits), .enumCase(let index)): return index < 64 && bits & (UInt64(1) << UInt64(index)) != 0
        case (.numbers(let bounds), _): return SymbolicPolicy.number(value).map(bounds.contains) ?? true
        default: return true
        }
    }

    /// A decimal with at most `places` places inside `bounds`, as near zero as the bounds allow.
    package static func decimal(in bounds: ValueBounds, places: Int) -> ExactDecimal? {
        let step = ExactDecimal(mantissa: 1, scale: Int8(min(max(places, 0), 18)))
        if bounds.contains(.zero) { return .zero }
        var candidates: [ExactDecimal] = []
        if let lower = bounds.lower {
            let base = (try? lower.value.floored(toMultipleOf: step)) ?? lower.value
            candidates += [base, (try? base.adding(step)) ?? base]
        }
        if let upper = bounds.upper {
            let base = (try? upper.value.floored(toMultipleOf: step)) ?? upper.value
            candidates += [base, (try? base.subtracting(step)) ?? base]
        }
        return candidates.first(where: bounds.contains)
    }
}
