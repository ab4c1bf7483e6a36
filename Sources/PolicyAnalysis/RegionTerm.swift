import PolicyModel
import PolicyCompiler

/// A condition of the policy's own, higher than one fact, that a region of a diff can be
/// written with: another decision's value (`服务对象类别为无偿服务`) or a derived yes/no
/// fact (`空巢老人`). Its persons are known exactly, value by value, from the partitions,
/// so a region written with it is as exact as one written with facts.
///
/// A decision whose value is the same for everyone in both policies is one term; one that
/// changes is two, its value in the old policy and in the new one (`享受政府购买服务由否变为是`).
package struct RegionTerm: Sendable {
    /// Which policy the term's value is taken from.
    package enum Side: Sendable, Hashable {
        /// The same in both.
        case both
        case old
        case new
    }

    /// Where the term comes from.
    package enum Source: Sendable, Hashable {
        case decision(String)
        case definition(String)
    }

    package let source: Source
    package let side: Side
    package let name: String
    package let label: String
    package let type: ValueType
    /// Every value the term takes somewhere, in a fixed order.
    package let values: [Value]
    /// The persons of each value, as disjoint regions.
    package let regions: [[Region]]
    /// How many steps of reading separate it from the decision being described (1: read directly).
    package let distance: Int

    /// Whether this and `other` are the old and new sides of one decision.
    package func pairs(with other: RegionTerm) -> Bool {
        source == other.source && side == .old && other.side == .new
    }

    /// A value as a policy officer reads it: the enum label, 是/否, two places for money.
    package func valueLabel(_ index: Int) -> String {
        switch (values[index], type) {
        case (.bool(let flag), _): return flag ? "是" : "否"
        case (.enumCase(let case_), .enumeration(let enumType)):
            if case_ < enumType.labels.count, let label = enumType.labels[case_] { return label }
            return values[index].display(as: type)
        default: return values[index].display(as: type)
        }
    }

    /// A value as written in the policy file (`free`, `true`, `20`).
    package func valueCode(_ index: Int) -> String { values[index].display(as: type) }
}

extension RegionTerm {
    /// The terms that can describe regions of decision `name` compared between `before` and
    /// `after`: every decision and yes/no definition it reads, directly or through others,
    /// nearest first (decisions before definitions at the same distance). A term whose value
    /// is not known everywhere (a fault, arithmetic on facts) or that takes more than 64
    /// values is left out; so is a definition that differs between the two policies.
    package static func vocabulary(for name: String, _ before: SymbolicPolicy, _ after: SymbolicPolicy) -> [RegionTerm] {
        var distances: [Source: Int] = [:]
        var order: [Source] = []
        for symbolic in [before, after] {
            for (source, distance) in reads(of: name, in: symbolic.policy) {
                if let known = distances[source] {
                    distances[source] = min(known, distance)
                } else {
                    distances[source] = distance
                    order.append(source)
                }
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let x = distances[a.element]!, y = distances[b.element]!
            if x != y { return x < y }
            let aDecision = { if case .decision = a.element { return true } else { return false } }()
            let bDecision = { if case .decision = b.element { return true } else { return false } }()
            if aDecision != bDecision { return aDecision }
            return a.offset < b.offset
        }.map(\.element)
        var terms: [RegionTerm] = []
        for source in ranked {
            let distance = distances[source]!
            switch source {
            case .decision(let decision):
                terms += decisionTerms(decision, before, after, distance: distance)
            case .definition(let definition):
                if let term = definitionTerm(definition, before, after, distance: distance) { terms.append(term) }
            }
        }
        return terms
    }

    /// The decisions and definitions decision `name` reads, with the fewest steps to each.
    static func reads(of name: String, in policy: CheckedPolicy) -> [(Source, Int)] {
        guard let start = policy.decisionIndex(named: name) else { return [] }
        var found: [(Source, Int)] = []
        var seen = Set<Source>()
        var frontier = policy.decisions[start].expressions
        var distance = 1
        while !frontier.isEmpty {
            var next: [Expression] = []
            for expression in frontier {
                let references = expression.references
                for index in references.decisions.sorted() where index != start {
                    let source = Source.decision(policy.decisions[index].name)
                    if seen.insert(source).inserted {
                        found.append((source, distance))
                        next += policy.decisions[index].expressions
                    }
                }
                for index in references.definitions.sorted() {
                    let source = Source.definition(policy.definitions[index].name)
                    if seen.insert(source).inserted {
                        found.append((source, distance))
                        next.append(policy.definitions[index].expression)
                    }
                }
            }
            frontier = next
            distance += 1
        }
        return found
    }

    static func decisionTerms(_ name: String, _ before: SymbolicPolicy, _ after: SymbolicPolicy, distance: Int) -> [RegionTerm] {
        let oldIndex = before.policy.decisionIndex(named: name), newIndex = after.policy.decisionIndex(named: name)
        let oldPieces = oldIndex.map { before.partition(of: $0) }, newPieces = newIndex.map { after.partition(of: $0) }
        func term(_ pieces: [Piece], _ declaration: DecisionDeclaration, _ side: Side) -> RegionTerm? {
            make(.decision(name), side: side, name: declaration.name, label: declaration.label, type: declaration.type,
                 pieces: pieces.map { ($0.region, $0.outcome.value) }, space: before.space, distance: distance)
        }
        switch (oldPieces, newPieces) {
        case (let old?, let new?):
            let a = before.policy.decisions[oldIndex!], b = after.policy.decisions[newIndex!]
            guard a.type == b.type else { return [] }
            let changed = old.contains { p in new.contains { q in p.outcome.value != q.outcome.value && p.region.intersection(q.region, in: before.space) != nil } }
            if !changed { return term(old, a, .both).map { [$0] } ?? [] }
            return [term(old, a, .old), term(new, b, .new)].compactMap { $0 }
        case (let old?, nil): return term(old, before.policy.decisions[oldIndex!], .old).map { [$0] } ?? []
        case (nil, let new?): return term(new, after.policy.decisions[newIndex!], .new).map { [$0] } ?? []
        case (nil, nil): return []
        }
    }

    static func definitionTerm(_ name: String, _ before: SymbolicPolicy, _ after: SymbolicPolicy, distance: Int) -> RegionTerm? {
        guard let oldIndex = before.policy.definitions.firstIndex(where: { $0.name == name }),
              let newIndex = after.policy.definitions.firstIndex(where: { $0.name == name }) else { return nil }
        let definition = before.policy.definitions[oldIndex]
        guard definition.type == .bool, after.policy.definitions[newIndex].type == .bool else { return nil }
        func truth(_ symbolic: SymbolicPolicy, _ index: Int) -> [(Region, SymbolicValue)] {
            symbolic.verdicts(of: .definition(index), in: .everything).map { part, verdict in
                switch verdict {
                case .holds(let value): return (part, .known(.bool(value), type: .bool))
                case .faults(let kind): return (part, .fault(kind))
                }
            }
        }
        let old = truth(before, oldIndex), new = truth(after, newIndex)
        let differs = old.contains { p in new.contains { q in p.1 != q.1 && p.0.intersection(q.0, in: before.space) != nil } }
        if differs { return nil }
        return make(.definition(name), side: .both, name: name, label: definition.label, type: .bool, pieces: old, space: before.space, distance: distance)
    }

    static func make(_ source: Source, side: Side, name: String, label: String, type: ValueType, pieces: [(Region, SymbolicValue)],
                     space: FactSpace, distance: Int) -> RegionTerm? {
        var values: [Value] = []
        var regions: [[Region]] = []
        for (region, value) in pieces {
            guard let known = value.known else { return nil }
            if let index = values.firstIndex(of: known) {
                regions[index].append(region)
            } else {
                values.append(known)
                regions.append([region])
            }
        }
        guard values.count >= 2, values.count <= 64 else { return nil }
        // A fixed order of values (as declared, or by size), so that output is stable.
        let order = values.indices.sorted { Self.precedes(values[$0], values[$1]) }
        return RegionTerm(source: source, side: side, name: name, label: label, type: type, values: order.map { values[$0] },
                          regions: order.map { RegionMerger.merge(regions[$0], in: space) }, distance: distance)
    }

    static func precedes(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x && !y
        case (.enumCase(let x), .enumCase(let y)): return x < y
        default:
            if let x = a.decimalValue, let y = b.decimalValue { return x < y }
            return a.display(as: .string) < b.display(as: .string)
        }
    }
}
