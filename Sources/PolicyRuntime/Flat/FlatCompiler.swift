import PolicyModel
import PolicyCompiler

/// Why a policy (or one period of it) has no flat form: it reads text or lists, builds
/// records, or uses a construct the flat evaluator does not run. Evaluation then
/// stays with the decision trees, with the same results.
package struct FlatUnsupported: Error, Sendable, CustomStringConvertible {
    package let reason: String
    package var description: String { reason }
}

/// Lowers a checked policy, for one period of its parameters, into a `FlatProgram`:
/// definitions and outputs become straight-line code over typed registers, trees become
/// flat nodes whose tests read registers. Parameters become constants of the period.
package struct FlatCompiler {
    package let policy: CheckedPolicy
    package let epoch: PolicyEpoch
    package var code: [FlatInstruction] = []
    /// The block being lowered; jump targets in it are relative to its start until it is placed.
    package var current: [FlatInstruction] = []
    package var registerCount: Int
    package var constantRegisters: [FlatWord: Int32] = [:]
    package var constants: [(register: Int32, word: FlatWord)] = []
    package var lists: [[Int64]] = []
    package var definitionBlocks: [FlatBlock?]
    package var definitionKinds: [FlatKind?]
    package var definitionsInProgress: Set<Int> = []
    package var decisionRegisters: [Int32] = []
    package var decisionKinds: [FlatKind] = []
    /// Registers each decision's value takes (more than one for a record).
    package var decisionWidths: [Int] = []
    package var apportionments: [FlatApportionment] = []
    package var inputKinds: [FlatKind?]
    package let dateRegister: Int32

    package init(policy: CheckedPolicy, epoch: PolicyEpoch) {
        self.policy = policy
        self.epoch = epoch
        inputKinds = policy.inputs.map { FlatKind($0.type) }
        registerCount = policy.inputs.count
        dateRegister = Int32(registerCount)
        registerCount += 1
        definitionBlocks = Array(repeating: nil, count: policy.definitions.count)
        definitionKinds = Array(repeating: nil, count: policy.definitions.count)
    }

    /// The flat program of `policy` in `epoch`, or why there is none.
    /// The flat program of one period: `epoch`, up to and including `lastDay` (nil: no end).
    /// The program runs only on dates in that period and in the policy's effective dates.
    package static func compile(_ policy: CheckedPolicy, epoch: PolicyEpoch, lastDay: CivilDate?) throws(FlatUnsupported) -> FlatProgram {
        var from = epoch.from, until = lastDay
        if let effective = policy.metadata.effectiveFrom, effective > from { from = effective }
        if let end = policy.metadata.effectiveUntil { until = until.map { min($0, end) } ?? end }
        var compiler = FlatCompiler(policy: policy, epoch: epoch)
        return try compiler.compile(validDays: from.packed...max(from.packed, until?.packed ?? Int32.max))
    }

    package mutating func compile(validDays: ClosedRange<Int32>) throws(FlatUnsupported) -> FlatProgram {
        let program = policy.program
        for (index, decision) in policy.decisions.enumerated() {
            let kind: FlatKind
            if case .table(let table) = program.decisions[index].body, table.hitPolicy == .collect {
                kind = .collectLeaf
            } else if case .apportionment = program.decisions[index].body, case .record(let record) = decision.type,
                      record.fields.allSatisfy({ $0.type == .decimal }), !record.fields.isEmpty {
                kind = .record
                decisionKinds.append(kind)
                decisionRegisters.append(newRegister())
                decisionWidths.append(record.fields.count)
                for _ in 1..<record.fields.count { _ = newRegister() }
                continue
            } else if let scalar = FlatKind(decision.type) {
                kind = scalar
            } else {
                throw FlatUnsupported(reason: "decision `\(decision.name)` has a value of type \(decision.type), which has no flat form")
            }
            decisionKinds.append(kind)
            decisionRegisters.append(newRegister())
            decisionWidths.append(1)
        }
        var nodes: [FlatNode] = []
        var leaves: [FlatLeaf] = []
        var outputs: [FlatBlock] = []
        var decisions: [FlatDecision] = []
        var collectResults: [[(value: Value, fired: [Int])]] = Array(repeating: [], count: program.decisions.count)
        for (index, decision) in program.decisions.enumerated() {
            var flat = FlatDecision(method: .formula, kind: decisionKinds[index], register: decisionRegisters[index])
            switch decision.body {
            case .formula(let expression, _):
                let (block, kind) = try lowerBlock(expression)
                try expect(kind, decisionKinds[index], in: decision.name)
                flat.formula = block
            case .apportionment(let apportionment):
                guard decisionKinds[index] == .record else {
                    throw FlatUnsupported(reason: "decision `\(decision.name)` is an apportionment whose shares are not all decimals")
                }
                flat.method = .apportionment
                flat.width = Int32(decisionWidths[index])
                let (total, totalKind) = try lowerBlock(apportionment.total)
                guard totalKind.isNumber else { throw FlatUnsupported(reason: "the total of `\(decision.name)` is not a number") }
                var shares: [FlatBlock?] = []
                for payer in apportionment.payers {
                    guard let share = payer.share else {
                        shares.append(nil)
                        continue
                    }
                    let (block, kind) = try lowerBlock(share)
                    guard kind.isNumber else { throw FlatUnsupported(reason: "a share of `\(decision.name)` is not a number") }
                    shares.append(block)
                }
                flat.apportionment = Int32(apportionments.count)
                apportionments.append(FlatApportionment(total: total, shares: shares, remainderPayer: apportionment.remainderPayer,
                                                        reductionOrder: apportionment.reductionOrder))
            case .table(let table):
                guard let tree = epoch.trees[index] else {
                    throw FlatUnsupported(reason: "decision `\(decision.name)` has no compiled tree")
                }
                switch table.hitPolicy {
                case .first: flat.method = .first
                case .unique: flat.method = .unique
                case .collect: flat.method = .collect
                }
                flat.ruleCount = Int32(table.ruleCount)
                flat.hasOtherwise = table.hasOtherwise
                flat.firstLeaf = Int32(leaves.count)
                for rules in tree.leaves {
                    leaves.append(FlatLeaf(first: Int32(rules.first ?? -1), count: Int32(rules.count)))
                }
                flat.root = Int32(nodes.count) + Int32(tree.root)
                nodes += try lowerTree(tree, base: Int32(nodes.count), decision: decision.name)
                flat.firstOutput = Int32(outputs.count)
                if table.hitPolicy == .collect {
                    collectResults[index] = try collectValues(table, tree: tree, decision: decision.name)
                    // Outputs are constants, read from `collectResults`; no code.
                    outputs += table.outputs.map { _ in FlatBlock(start: 0, end: 0, result: 0) }
                } else {
                    for output in table.outputs {
                        let (block, kind) = try lowerBlock(output)
                        try expect(kind, decisionKinds[index], in: decision.name)
                        outputs.append(block)
                    }
                }
            }
            decisions.append(flat)
        }
        for index in policy.definitions.indices where definitionBlocks[index] == nil {
            _ = try definition(index)
        }
        let layout = FlatLayout(kinds: inputKinds, notAfterEvaluationDate: policy.inputs.indices.filter { policy.inputs[$0].notAfterEvaluationDate })
        return FlatProgram(layout: layout, code: code, nodes: nodes, leaves: leaves, outputs: outputs, definitions: definitionBlocks.map { $0! },
                           definitionKinds: definitionKinds.map { $0! },
                           decisions: decisions, lists: lists, apportionments: apportionments, dateRegister: dateRegister, constants: constants, registerCount: registerCount,
                           collectResults: collectResults, single: program.decisions.map { $0.table?.single ?? [[0]] }, validDays: validDays)
    }

    package func expect(_ kind: FlatKind, _ declared: FlatKind, in name: String) throws(FlatUnsupported) {
        if kind != declared {
            throw FlatUnsupported(reason: "decision `\(name)` is declared \(declared) but a rule gives \(kind)")
        }
    }

    /// The value and fired rules of each leaf of a `collect` table whose outputs are constants.
    package func collectValues(_ table: TableProgram, tree: DecisionTree, decision: String) throws(FlatUnsupported) -> [(value: Value, fired: [Int])] {
        var constants: [Value] = []
        for output in table.outputs {
            guard case .constant(let value, _) = output else {
                throw FlatUnsupported(reason: "a rule of `collect` decision `\(decision)` computes its output; only constant outputs have a flat form")
            }
            constants.append(value)
        }
        return tree.leaves.map { rules in
            let applied = rules.isEmpty && table.hasOtherwise ? [table.ruleCount] : rules
            var items: [Value] = []
            for rule in applied {
                if table.outputIsList[rule], case .list(let values) = constants[rule] { items += values } else { items.append(constants[rule]) }
            }
            return (.list(items), rules.isEmpty && table.hasOtherwise ? table.single[table.ruleCount] : rules)
        }
    }

    package mutating func newRegister() -> Int32 {
        registerCount += 1
        return Int32(registerCount - 1)
    }

    package mutating func constant(_ word: FlatWord) -> Int32 {
        if let register = constantRegisters[word] { return register }
        let register = newRegister()
        constantRegisters[word] = register
        constants.append((register, word))
        return register
    }

    /// Lowers `expression` as a block of its own, placed in the program's code.
    package mutating func lowerBlock(_ expression: Expression) throws(FlatUnsupported) -> (FlatBlock, FlatKind) {
        let saved = current
        current = []
        let (register, kind) = try lower(expression)
        let start = Int32(code.count)
        for var instruction in current {
            if instruction.operation == .jump || instruction.operation == .jumpIfFalse || instruction.operation == .jumpIfTrue {
                instruction.k += Int64(start)
            }
            code.append(instruction)
        }
        current = saved
        return (FlatBlock(start: start, end: Int32(code.count), result: register), kind)
    }

    /// Definition `index`'s kind, lowering it first if need be.
    package mutating func definition(_ index: Int) throws(FlatUnsupported) -> (FlatBlock, FlatKind) {
        if let block = definitionBlocks[index], let kind = definitionKinds[index] { return (block, kind) }
        guard definitionsInProgress.insert(index).inserted else {
            throw FlatUnsupported(reason: "definition `\(policy.definitions[index].name)` depends on itself")
        }
        let (block, kind) = try lowerBlock(policy.program.definitions[index])
        definitionBlocks[index] = block
        definitionKinds[index] = kind
        return (block, kind)
    }

    package mutating func emit(_ instruction: FlatInstruction) {
        current.append(instruction)
    }
}
