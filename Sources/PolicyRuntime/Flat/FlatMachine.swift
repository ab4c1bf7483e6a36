import PolicyModel
import PolicyCompiler
import RecordFormats

/// A fault met by the flat evaluator (division by zero, no rule matched, a date after the
/// evaluation date, …). It carries nothing: the caller evaluates the same person with
/// the decision trees, which give the located error.
package struct FlatFallback: Error, Sendable {
    package init() {}
}

/// Runs a `FlatProgram` for one person after another in the same memory: registers,
/// marks of what this evaluation computed, and which rule fired for each decision.
/// Nothing is allocated or retained per person. Not `Sendable`: one machine per thread,
/// all sharing one program.
///
/// ```swift
/// let machine = FlatMachine(program)
/// program.layout.encode(facts.values, into: machine.facts)   // or write FlatWords
/// try machine.run(on: date)                                    // throws(FlatFallback)
/// machine.value(of: 0)                                         // decision 0, as the trees give it
/// ```
package final class FlatMachine {
    package let program: FlatProgram
    package let registers: UnsafeMutablePointer<FlatWord>
    package let code: UnsafeMutablePointer<FlatInstruction>
    package let nodes: UnsafeMutablePointer<FlatNode>
    package let leaves: UnsafeMutablePointer<FlatLeaf>
    package let outputs: UnsafeMutablePointer<FlatBlock>
    package let definitions: UnsafeMutablePointer<FlatBlock>
    package let decisions: UnsafeMutablePointer<FlatDecision>
    package let definitionDone: UnsafeMutablePointer<UInt32>
    package let decisionDone: UnsafeMutablePointer<UInt32>
    /// For each decision: the rule that fired, or for a `collect` table the leaf reached.
    package let fired: UnsafeMutablePointer<Int32>
    package let decisionCount: Int
    package let notAfterEvaluationDate: [Int]
    package let lists: [[Int64]]
    package let validDays: ClosedRange<Int32>
    /// Which evaluation the marks in `definitionDone` and `decisionDone` belong to. Private,
    /// so that the optimiser sees every access and drops the dynamic exclusivity checks a
    /// `package` stored property of a class keeps on each read (measured: see
    /// docs/performance.md, issue 12).
    private var generation: UInt32 = 0

    package init(_ program: FlatProgram) {
        self.program = program
        registers = FlatMachine.copy(Array(repeating: FlatWord.zero, count: program.registerCount))
        for (register, word) in program.constants { registers[Int(register)] = word }
        code = FlatMachine.copy(program.code)
        nodes = FlatMachine.copy(program.nodes)
        leaves = FlatMachine.copy(program.leaves)
        outputs = FlatMachine.copy(program.outputs)
        definitions = FlatMachine.copy(program.definitions)
        decisions = FlatMachine.copy(program.decisions)
        definitionDone = FlatMachine.copy(Array(repeating: 0, count: program.definitions.count))
        decisionDone = FlatMachine.copy(Array(repeating: 0, count: program.decisions.count))
        fired = FlatMachine.copy(Array(repeating: 0, count: program.decisions.count))
        decisionCount = program.decisions.count
        notAfterEvaluationDate = program.layout.notAfterEvaluationDate
        lists = program.lists
        validDays = program.validDays
    }

    deinit {
        registers.deallocate()
        code.deallocate()
        nodes.deallocate()
        leaves.deallocate()
        outputs.deallocate()
        definitions.deallocate()
        decisions.deallocate()
        definitionDone.deallocate()
        decisionDone.deallocate()
        fired.deallocate()
    }

    package static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, array.count))
        array.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { pointer.initialize(from: base, count: buffer.count) }
        }
        return pointer
    }

    /// The person's facts: write one word per input (`program.layout`) before `run`.
    package var facts: UnsafeMutablePointer<FlatWord> { registers }

    /// Evaluates every decision for the facts in `facts` on `date`.
    package func run(on date: CivilDate) throws(FlatFallback) {
        guard validDays.contains(date.packed) else { throw FlatFallback() }
        for slot in notAfterEvaluationDate where registers[slot].bits > Int64(date.packed) { throw FlatFallback() }
        start(on: date)
        for index in 0..<decisionCount { try ensureDecision(index) }
    }

    /// Evaluates `facts` (encoded for this program's layout) on `date`.
    package func run(_ facts: UnsafePointer<FlatWord>, on date: CivilDate) throws(FlatFallback) {
        registers.update(from: facts, count: program.layout.count)
        try run(on: date)
    }

    package func start(on date: CivilDate) {
        generation &+= 1
        if generation == 0 {
            // After 2³² evaluations the marks wrap: clear them once.
            definitionDone.update(repeating: 0, count: program.definitions.count)
            decisionDone.update(repeating: 0, count: decisionCount)
            generation = 1
        }
        registers[Int(program.dateRegister)] = FlatWord(bits: Int64(date.packed))
    }

    @inline(__always)
    package func ensureDefinition(_ index: Int) throws(FlatFallback) {
        if definitionDone[index] != generation {
            try execute(definitions[index])
            definitionDone[index] = generation
        }
    }

    @inline(__always)
    package func ensureDecision(_ index: Int) throws(FlatFallback) {
        if decisionDone[index] != generation {
            try decide(index)
            decisionDone[index] = generation
        }
    }

    package func decide(_ index: Int) throws(FlatFallback) {
        let plan = decisions[index]
        if plan.method == .formula {
            try execute(plan.formula)
            registers[Int(plan.register)] = registers[Int(plan.formula.result)]
            fired[index] = 0
            return
        }
        if plan.method == .apportionment {
            try apportion(program.apportionments[Int(plan.apportionment)], into: Int(plan.register))
            fired[index] = 0
            return
        }
        var node = nodes[Int(plan.root)]
        while node.test != .leaf {
            node = nodes[Int(try answer(node) ? node.ifTrue : node.ifFalse)]
        }
        if plan.method == .collect {
            fired[index] = node.ifTrue
            return
        }
        let leaf = leaves[Int(plan.firstLeaf + node.ifTrue)]
        if plan.method == .unique && leaf.count > 1 { throw FlatFallback() }
        let rule: Int32
        if leaf.first >= 0 {
            rule = leaf.first
        } else if plan.hasOtherwise {
            rule = plan.ruleCount
        } else {
            throw FlatFallback()
        }
        let output = outputs[Int(plan.firstOutput + rule)]
        try execute(output)
        registers[Int(plan.register)] = registers[Int(output.result)]
        fired[index] = rule
    }

    @inline(__always)
    package func answer(_ node: FlatNode) throws(FlatFallback) -> Bool {
        if node.ensure > 0 {
            try ensureDefinition(Int(node.ensure - 1))
        } else if node.ensure < 0 {
            try ensureDecision(Int(-node.ensure - 1))
        }
        let bits = registers[Int(node.register)].bits
        switch node.test {
        case .isTrue: return bits != 0
        case .isFalse: return bits == 0
        case .compareBits: return node.comparison.holds(bits == node.constant ? 0 : (bits < node.constant ? -1 : 1))
        case .inMask: return bits >= 0 && bits < 63 && node.constant & (1 << bits) != 0
        case .notInMask: return !(bits >= 0 && bits < 63 && node.constant & (1 << bits) != 0)
        case .block:
            try execute(node.block)
            return registers[Int(node.register)].bits != 0
        case .leaf: return false
        }
    }

    package func execute(_ block: FlatBlock) throws(FlatFallback) {
        var pc = Int(block.start)
        let end = Int(block.end)
        let r = registers
        while pc < end {
            let instruction = code[pc]
            pc += 1
            let d = Int(instruction.d), a = Int(instruction.a), b = Int(instruction.b)
            switch instruction.operation {
            case .ensureDefinition: try ensureDefinition(a)
            case .ensureDecision: try ensureDecision(a)
            case .move: r[d] = r[a]
            case .not: r[d] = FlatWord(bits: r[a].bits == 0 ? 1 : 0)
            case .jumpIfFalse: if r[a].bits == 0 { pc = Int(instruction.k) }
            case .jumpIfTrue: if r[a].bits != 0 { pc = Int(instruction.k) }
            case .jump: pc = Int(instruction.k)
            case .compareBits:
                let x = r[a].bits, y = r[b].bits
                r[d] = FlatWord(bits: instruction.comparison.holds(x == y ? 0 : (x < y ? -1 : 1)) ? 1 : 0)
            case .compareDecimal:
                r[d] = FlatWord(bits: instruction.comparison.holds(ExactDecimal.compare(r[a].decimal, r[b].decimal)) ? 1 : 0)
            case .arithmeticInteger: r[d] = FlatWord(bits: try FlatMachine.integer(instruction.k, r[a].bits, r[b].bits))
            case .arithmeticDecimal: r[d] = FlatWord(try FlatMachine.decimal(instruction.k, r[a].decimal, r[b].decimal))
            case .negateInteger:
                if r[a].bits == .min { throw FlatFallback() }
                r[d] = FlatWord(bits: -r[a].bits)
            case .negateDecimal:
                do { r[d] = FlatWord(try r[a].decimal.negated()) } catch { throw FlatFallback() }
            case .inMask:
                let bits = r[a].bits
                r[d] = FlatWord(bits: bits >= 0 && bits < 63 && instruction.k & (1 << bits) != 0 ? 1 : 0)
            case .inList: r[d] = FlatWord(bits: lists[Int(instruction.k)].contains(r[a].bits) ? 1 : 0)
            case .yearsBetween:
                let difference = r[b].bits - r[a].bits
                r[d] = FlatWord(bits: difference >= 0 ? difference / 10000 : -((-difference + 9999) / 10000))
            case .daysBetween:
                let start = CivilDate(packed: Int32(truncatingIfNeeded: r[a].bits)), end = CivilDate(packed: Int32(truncatingIfNeeded: r[b].bits))
                r[d] = FlatWord(bits: Int64(end.dayNumber - start.dayNumber))
            case .minimumBits: r[d] = r[b].bits < r[a].bits ? r[b] : r[a]
            case .maximumBits: r[d] = r[b].bits > r[a].bits ? r[b] : r[a]
            case .minimumDecimal: r[d] = ExactDecimal.compare(r[b].decimal, r[a].decimal) < 0 ? r[b] : r[a]
            case .maximumDecimal: r[d] = ExactDecimal.compare(r[b].decimal, r[a].decimal) > 0 ? r[b] : r[a]
            case .floorTo:
                do { r[d] = FlatWord(try r[a].decimal.floored(toMultipleOf: r[b].decimal)) } catch { throw FlatFallback() }
            case .fault: throw FlatFallback()
            }
        }
    }

    /// `Apportionment.split` on registers: the parts go to `base ..< base + shares.count`.
    package func apportion(_ apportionment: FlatApportionment, into base: Int) throws(FlatFallback) {
        try execute(apportionment.total)
        let total = registers[Int(apportionment.total.result)].decimal
        if total < .zero { throw FlatFallback() }
        let remainder = apportionment.remainderPayer
        for (payer, share) in apportionment.shares.enumerated() {
            var part = ExactDecimal.zero
            if let share {
                try execute(share)
                let value = registers[Int(share.result)].decimal
                part = value < .zero ? .zero : value
            }
            registers[base + payer] = FlatWord(part)
        }
        do {
            var sumOfShares = ExactDecimal.zero
            for payer in apportionment.shares.indices where payer != remainder {
                sumOfShares = try sumOfShares.adding(registers[base + payer].decimal)
            }
            var excess = try sumOfShares.subtracting(total)
            for payer in apportionment.reductionOrder where excess > .zero {
                let part = registers[base + payer].decimal
                let cut = excess < part ? excess : part
                registers[base + payer] = FlatWord(try part.subtracting(cut))
                excess = try excess.subtracting(cut)
                sumOfShares = try sumOfShares.subtracting(cut)
            }
            registers[base + remainder] = FlatWord(try total.subtracting(sumOfShares))
        } catch {
            throw FlatFallback()
        }
    }

    @inline(__always)
    package static func integer(_ operation: Int64, _ a: Int64, _ b: Int64) throws(FlatFallback) -> Int64 {
        let result: (Int64, Bool)
        switch operation {
        case FlatInstruction.add: result = a.addingReportingOverflow(b)
        case FlatInstruction.subtract: result = a.subtractingReportingOverflow(b)
        case FlatInstruction.multiply: result = a.multipliedReportingOverflow(by: b)
        default:
            if b == 0 { throw FlatFallback() }
            result = a.dividedReportingOverflow(by: b)
        }
        if result.1 { throw FlatFallback() }
        return result.0
    }

    @inline(__always)
    package static func decimal(_ operation: Int64, _ a: ExactDecimal, _ b: ExactDecimal) throws(FlatFallback) -> ExactDecimal {
        do {
            switch operation {
            case FlatInstruction.add: return try a.adding(b)
            case FlatInstruction.subtract: return try a.subtracting(b)
            case FlatInstruction.multiply: return try a.multiplied(by: b)
            default: return try a.divided(by: b)
            }
        } catch {
            throw FlatFallback()
        }
    }
}
