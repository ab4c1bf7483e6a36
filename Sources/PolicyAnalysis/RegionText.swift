import PolicyModel
import PolicyCompiler

/// Writes a region as a readable condition: with names (`age ≥ 70, subsistence = tekun,
/// not children_in_district`) or with the policy's Chinese labels
/// (`年龄（周岁） ≥ 70，社会救助类别为特困供养，有子女在本区居住：否`); a region written with
/// terms (`RegionText+Terms.swift`) reads `服务对象类别为无偿服务，享受政府购买服务由否变为是`.
package struct RegionText: Sendable {
    package let space: FactSpace
    package let useLabels: Bool
    /// The name and label of the definition that is an age, by the date fact it reads.
    package let ageNames: [String: (name: String, label: String)]

    package init(space: FactSpace, policy: CheckedPolicy, useLabels: Bool = false) {
        self.space = space
        self.useLabels = useLabels
        var ageNames: [String: (String, String)] = [:]
        for definition in policy.definitions {
            if case .call(.yearsBetween, let arguments) = definition.expression, arguments.count == 2,
               case .input(let slot) = arguments[0], case .evaluationDate = arguments[1], ageNames[policy.inputs[slot].name] == nil {
                ageNames[policy.inputs[slot].name] = (definition.name, definition.label)
            }
        }
        self.ageNames = ageNames
    }

    /// Every constraint of the region, in the order of the facts; "everyone" when none.
    package func describe(_ region: Region) -> String {
        let parts = region.subjects(in: space).map { describe($0, region.domains[$0]!) }
        if parts.isEmpty { return useLabels ? "所有人" : "everyone" }
        return parts.joined(separator: useLabels ? "，" : ", ")
    }

    /// The name (or label) of a subject.
    package func name(of subject: Subject) -> String {
        switch subject {
        case .fact(let name): return useLabels ? (space.input(named: name)?.label ?? name) : name
        case .age(let name):
            if let known = ageNames[name] { return useLabels ? known.label : known.name }
            return "years_between(\(name), evaluation_date)"
        case .evaluationDate: return useLabels ? "评估日期" : "evaluation_date"
        case .test(let text): return text
        }
    }

    package func describe(_ subject: Subject, _ domain: Domain) -> String {
        let name = name(of: subject)
        switch domain {
        case .flags(let bits):
            if case .test = subject { return bits == 0b10 ? name : (useLabels ? "非（\(name)）" : "not (\(name))") }
            if useLabels { return bits == 0b10 ? name : name + "：否" }
            return bits == 0b10 ? name : "not \(name)"
        case .cases(let bits):
            guard case .fact(let fact) = subject, case .enumeration(let enumType)? = space.input(named: fact)?.type else { return name }
            let all = enumType.cases.indices
            let inside = all.filter { bits & (UInt64(1) << UInt64($0)) != 0 }
            let outside = all.filter { bits & (UInt64(1) << UInt64($0)) == 0 }
            func label(_ index: Int) -> String { useLabels ? (enumType.labels[index] ?? enumType.cases[index]) : enumType.cases[index] }
            if inside.count == 1 { return useLabels ? "\(name)为\(label(inside[0]))" : "\(name) = \(label(inside[0]))" }
            if outside.count == 1 { return useLabels ? "\(name)不为\(label(outside[0]))" : "\(name) ≠ \(label(outside[0]))" }
            let list = inside.map(label)
            return useLabels ? "\(name)为\(list.joined(separator: "、"))之一" : "\(name) in {\(list.joined(separator: ", "))}"
        case .numbers(let bounds):
            let full: ValueBounds
            if case .numbers(let whole) = space.fullDomain(subject) { full = whole } else { full = .all }
            if let point = bounds.pointValue { return "\(name) = \(display(point, subject))" }
            let lower = bounds.lower.flatMap { $0 == full.lower ? nil : $0 }
            let upper = bounds.upper.flatMap { $0 == full.upper ? nil : $0 }
            switch (lower, upper) {
            case (let low?, let high?):
                return "\(display(low.value, subject)) \(low.strict ? "<" : "≤") \(name) \(high.strict ? "<" : "≤") \(display(high.value, subject))"
            case (let low?, nil): return "\(name) \(low.strict ? ">" : "≥") \(display(low.value, subject))"
            case (nil, let high?): return "\(name) \(high.strict ? "<" : "≤") \(display(high.value, subject))"
            case (nil, nil): return name
            }
        }
    }

    /// A number as the subject's values read: a date for dates, two places for money.
    package func display(_ number: ExactDecimal, _ subject: Subject) -> String {
        switch subject {
        case .evaluationDate: return CivilDate(dayNumber: Int(number.integerPart))?.description ?? number.description
        case .fact(let name):
            switch space.input(named: name)?.type {
            case .date?: return CivilDate(dayNumber: Int(number.integerPart))?.description ?? number.description
            case .decimal?: return number.formatted(places: max(2, Int(number.normalized.scale)))
            default: return number.description
            }
        default: return number.description
        }
    }
}
