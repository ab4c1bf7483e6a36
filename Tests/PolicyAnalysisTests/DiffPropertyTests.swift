import CarePolicy
import Foundation
import Testing
import PolicySimulation
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// For random pairs of small generated policies (a policy and a mutation of it): every
/// example person `diff` prints evaluates differently under the two, and every random
/// person who evaluates differently lies in a region `diff` reports. Seeded, so a failure
/// names the seed that reproduces it.
@Suite struct DiffPropertyTests {
    @Test(arguments: 0..<40)
    func diffIsExactOnGeneratedPolicies(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        let old = GeneratedPolicy.random(using: &generator)
        let new = old.mutated(using: &generator)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-diff-\(seed)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try old.yaml(id: "old").write(toFile: directory + "/old.yaml", atomically: true, encoding: .utf8)
        try new.yaml(id: "new").write(toFile: directory + "/new.yaml", atomically: true, encoding: .utf8)
        let before = try LoadedPolicy.load(path: directory + "/old.yaml")
        let after = try LoadedPolicy.load(path: directory + "/new.yaml")
        let comparison = try PolicyComparison(old: before, new: after)

        // Every printed example evaluates differently.
        for finding in comparison.findings.joined() {
            #expect(finding.difference.exact, "seed \(seed): \(finding.difference.condition)")
            #expect(finding.confirmed, "seed \(seed): \(finding.difference.decision) \(finding.difference.condition): \(finding.difference.old) → \(finding.difference.new), observed \(String(describing: finding.observed))")
        }

        // Every person who evaluates differently is in a reported region.
        let persons = RandomPersons(policy: before.checked)
        for number in 0..<300 {
            let date = CivilDate(dayNumber: CivilDate("2020-01-01")!.dayNumber + Int(generator.next() % 2_000))!
            let facts = persons.person(number: number, on: date, using: &generator)
            var named: [String: Value] = [:]
            for (input, value) in zip(before.checked.inputs, facts.values) { named[input.name] = value }
            guard let period = zip(comparison.report.periods, comparison.findings).first(where: { $0.0.from <= date && ($0.0.until.map { date <= $0 } ?? true) }) else {
                Issue.record("seed \(seed): no period covers \(date)")
                continue
            }
            let space = try FactSpace(policies: [before.checked, after.checked], from: period.0.from, until: period.0.until)
            for decision in ["kind", "amount", "tags"] {
                let a = Self.outcome(before, facts, date, decision), b = Self.outcome(after, facts, date, decision)
                guard a != b else { continue }
                let covered = period.1.contains { $0.difference.decision == decision && $0.difference.contains(named, on: date, in: space) }
                #expect(covered, "seed \(seed): person \(number) on \(date) gets \(decision) \(a) → \(b) outside every region\n\(comparison.text)")
            }
        }
    }

    /// The generated pairs are not trivially equal: most mutations change some decision.
    @Test func mostGeneratedPairsDiffer() throws {
        var differing = 0, regions = 0
        for seed in 0..<40 {
            var generator = SeededGenerator(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
            let old = GeneratedPolicy.random(using: &generator)
            let new = old.mutated(using: &generator)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-pairs-\(seed)-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try old.yaml(id: "old").write(toFile: directory + "/old.yaml", atomically: true, encoding: .utf8)
            try new.yaml(id: "new").write(toFile: directory + "/new.yaml", atomically: true, encoding: .utf8)
            let comparison = try PolicyComparison(old: try LoadedPolicy.load(path: directory + "/old.yaml"), new: try LoadedPolicy.load(path: directory + "/new.yaml"))
            if comparison.status == .different { differing += 1 }
            regions += comparison.findings.joined().count
        }
        #expect(differing >= 25, "only \(differing) of 40 pairs differ")
        #expect(regions >= 60)
    }

    static func outcome(_ policy: LoadedPolicy, _ facts: Facts, _ date: CivilDate, _ decision: String) -> String {
        guard let index = policy.checked.decisionIndex(named: decision) else { return "?" }
        do {
            let result = try policy.evaluator.evaluate(decision: index, for: facts, on: date).result
            return result.value.display(as: policy.checked.decisions[index].type)
        } catch {
            if case .fault(let fault) = error { return "fault: \(fault.kind.rawValue)" }
            return "\(error)"
        }
    }
}

/// A small random policy: a few typed facts, a parameter that changes on a date, and
/// three decisions (a `first` enum table, an integer table that reads it, a `collect` list).
struct GeneratedPolicy {
    struct Rule { var conditions: [String]; var output: String }
    struct Table { var rules: [Rule]; var otherwise: String? }

    var limitBefore: Int
    var limitAfter: Int
    var kind: Table
    var amount: Table
    var tags: Table

    static let atoms = ["flag", "not other", "colour == red", "colour in [red, green]", "colour != blue", "level >= 2", "level < 4", "level == 3",
                        "age >= 70", "age < 80", "age >= 60", "price > 2.5", "price <= 7.0", "level >= limit"]

    static func pick<T>(_ items: [T], using generator: inout SeededGenerator) -> T { items[Int(generator.next() % UInt64(items.count))] }

    static func rule(outputs: [String], extra: [String] = [], using generator: inout SeededGenerator) -> Rule {
        let count = 1 + Int(generator.next() % 2)
        let conditions = (0..<count).map { _ in pick(atoms + extra, using: &generator) }
        return Rule(conditions: conditions, output: pick(outputs, using: &generator))
    }

    static func table(outputs: [String], extra: [String] = [], elseOdds: UInt64, using generator: inout SeededGenerator) -> Table {
        let rules = (0..<(1 + Int(generator.next() % 4))).map { _ in rule(outputs: outputs, extra: extra, using: &generator) }
        return Table(rules: rules, otherwise: generator.next() % elseOdds == 0 ? nil : pick(outputs, using: &generator))
    }

    static func random(using generator: inout SeededGenerator) -> GeneratedPolicy {
        GeneratedPolicy(
            limitBefore: 1 + Int(generator.next() % 3), limitAfter: 1 + Int(generator.next() % 4),
            kind: table(outputs: ["low", "mid", "high"], elseOdds: 4, using: &generator),
            amount: table(outputs: ["0", "5", "10"], extra: ["kind == low", "kind in [mid, high]"], elseOdds: 5, using: &generator),
            tags: table(outputs: ["a", "b", "[a, b]"], extra: ["kind == high"], elseOdds: 3, using: &generator))
    }

    /// The same policy with one edit: a threshold, a rule moved, removed, added or given
    /// another value, an `else` row added or dropped, a parameter's later figure.
    func mutated(using generator: inout SeededGenerator) -> GeneratedPolicy {
        var copy = self
        let which = Int(generator.next() % 3)
        func edit(_ table: inout Table, outputs: [String], extra: [String]) {
            switch generator.next() % 6 {
            case 0: table.rules[Int(generator.next() % UInt64(table.rules.count))] = Self.rule(outputs: outputs, extra: extra, using: &generator)
            case 1: if table.rules.count > 1 { table.rules.swapAt(0, table.rules.count - 1) }
            case 2: if table.rules.count > 1 { table.rules.remove(at: Int(generator.next() % UInt64(table.rules.count))) }
            case 3: table.rules.append(Self.rule(outputs: outputs, extra: extra, using: &generator))
            case 4: table.otherwise = table.otherwise == nil ? Self.pick(outputs, using: &generator) : nil
            default: table.rules[0].output = Self.pick(outputs, using: &generator)
            }
        }
        switch which {
        case 0: edit(&copy.kind, outputs: ["low", "mid", "high"], extra: [])
        case 1: edit(&copy.amount, outputs: ["0", "5", "10"], extra: ["kind == low", "kind in [mid, high]"])
        default: edit(&copy.tags, outputs: ["a", "b", "[a, b]"], extra: ["kind == high"])
        }
        if generator.next() % 4 == 0 { copy.limitAfter = 1 + Int(generator.next() % 4) }
        return copy
    }

    func yaml(id: String) -> String {
        func rules(_ table: Table, prefix: String) -> String {
            var lines: [String] = []
            for (index, rule) in table.rules.enumerated() {
                lines.append("      - id: \(prefix)\(index)")
                lines.append("        when:")
                for condition in rule.conditions { lines.append("          - \(condition)") }
                lines.append("        then: \(rule.output)")
                lines.append("        reason: 规则\(index)")
            }
            if let otherwise = table.otherwise {
                lines.append("      - else: \(otherwise)")
                lines.append("        reason: 其他")
            }
            return lines.joined(separator: "\n")
        }
        return """
        policy: {id: \(id), title: 生成, version: "1", effective_from: 2020-01-01}
        inputs:
          birth_date: {type: date, label: 出生日期, not_after: evaluation_date}
          flag: {type: bool, label: 甲}
          other: {type: bool, label: 乙}
          colour: {values: [red, green, blue], label: 颜色}
          level: {type: integer, min: 0, max: 5, label: 等级}
          price: {type: decimal, min: 0, max: 10, decimals: 2, label: 价格}
        parameters:
          limit:
            type: integer
            label: 门槛
            timeline:
              - {from: 2020-01-01, value: \(limitBefore)}
              - {from: 2023-01-01, value: \(limitAfter)}
        definitions:
          age:
            label: 年龄
            expr: years_between(birth_date, evaluation_date)
        decisions:
          kind:
            label: 类别
            values: [low, mid, high]
            hit: first
            rules:
        \(rules(kind, prefix: "k"))
          amount:
            label: 数额
            type: integer
            hit: first
            rules:
        \(rules(amount, prefix: "m"))
          tags:
            label: 标签
            type: list of enum
            values: [a, b]
            hit: collect
            rules:
        \(rules(tags, prefix: "t"))

        """
    }
}
