import PolicyModel
import PolicyCompiler

/// One instruction of a flat program. Operands are register numbers; `k` is a constant,
/// a jump target, a bit mask or an index, as the operation says.
package struct FlatInstruction: Sendable {
    package enum Operation: UInt8, Sendable {
        /// Computes definition `a` if this evaluation has not yet.
        case ensureDefinition
        /// Computes decision `a` if this evaluation has not yet.
        case ensureDecision
        case move
        case not
        /// Continue at `k` when register `a` is false (true).
        case jumpIfFalse, jumpIfTrue
        case jump
        /// `d = a <op> b` on bits: bools, integers, dates and enum cases.
        case compareBits
        case compareDecimal
        /// `d = a <k> b` where `k` is an `ArithmeticOperator` code, with overflow faults.
        case arithmeticInteger
        case arithmeticDecimal
        case negateInteger, negateDecimal
        /// `d = a in` the bit set `k` of enum cases.
        case inMask
        /// `d = a in` the integer list number `k`.
        case inList
        case yearsBetween, daysBetween
        case minimumBits, maximumBits, minimumDecimal, maximumDecimal
        case floorTo
        /// A fault: the tree evaluator gives the located error (a parameter not in force).
        case fault
    }

    package var operation: Operation
    package var comparison: ComparisonOperator = .equal
    package var d: Int32 = 0
    package var a: Int32 = 0
    package var b: Int32 = 0
    package var k: Int64 = 0

    package static let add: Int64 = 0, subtract: Int64 = 1, multiply: Int64 = 2, divide: Int64 = 3

    package static func code(_ op: ArithmeticOperator) -> Int64 {
        switch op {
        case .add: return add
        case .subtract: return subtract
        case .multiply: return multiply
        case .divide: return divide
        }
    }
}

/// A run of instructions whose value ends in `result`.
package struct FlatBlock: Sendable {
    package var start: Int32
    package var end: Int32
    package var result: Int32
}

/// One node of a decision tree in flat form: a test answered from a register, or a leaf.
package struct FlatNode: Sendable {
    package enum Test: UInt8, Sendable {
        case isTrue, isFalse, compareBits, inMask, notInMask
        /// Run `block`, then test its result.
        case block
        case leaf
    }

    package var test: Test
    package var comparison: ComparisonOperator = .equal
    /// What to compute before reading `register`: 0 nothing, `+n` definition n−1, `−n` decision n−1.
    package var ensure: Int32 = 0
    package var register: Int32 = 0
    package var constant: Int64 = 0
    package var block = FlatBlock(start: 0, end: 0, result: 0)
    /// The next node, or for a leaf the index into the tree's leaves.
    package var ifTrue: Int32 = 0
    package var ifFalse: Int32 = 0
}

/// What a leaf of a table's tree decides.
package struct FlatLeaf: Sendable {
    /// The first matching rule, −1 when none matched.
    package var first: Int32
    package var count: Int32
}

/// How one decision is computed in flat form.
package struct FlatDecision: Sendable {
    package enum Method: UInt8, Sendable { case formula, first, unique, collect, apportionment }

    package var method: Method
    package var kind: FlatKind
    /// Where the value is kept.
    package var register: Int32
    /// The formula, for `formula`.
    package var formula = FlatBlock(start: 0, end: 0, result: 0)
    /// The tree's root node in `FlatProgram.nodes`, and its first leaf in `FlatProgram.leaves`.
    package var root: Int32 = 0
    package var firstLeaf: Int32 = 0
    /// The rules' outputs in `FlatProgram.outputs` (the `else` row's last).
    package var firstOutput: Int32 = 0
    package var ruleCount: Int32 = 0
    package var hasOtherwise = false
    /// For a record: how many registers, from `register` on, hold its fields.
    package var width: Int32 = 1
    /// For an apportionment: its index in `FlatProgram.apportionments`.
    package var apportionment: Int32 = 0
}

/// An apportionment in flat form: the total and each payer's share as blocks, split into
/// the decision's registers as `Apportionment.split` splits them.
package struct FlatApportionment: Sendable {
    package var total: FlatBlock
    /// Each payer's share; nil for the remainder payer.
    package var shares: [FlatBlock?]
    package var remainderPayer: Int
    package var reductionOrder: [Int]
}

/// A checked policy lowered, for one period of its parameters, to straight-line code
/// over typed registers: what `FlatMachine` runs. Registers hold `FlatWord`s; the first
/// ones are the person's facts (`FlatLayout`), then the evaluation date, the constants
/// (the period's parameters among them), and the values computed. Built once per
/// period and shared by every thread.
package final class FlatProgram: Sendable {
    package let layout: FlatLayout
    package let code: [FlatInstruction]
    package let nodes: [FlatNode]
    package let leaves: [FlatLeaf]
    package let outputs: [FlatBlock]
    package let definitions: [FlatBlock]
    package let definitionKinds: [FlatKind]
    package let decisions: [FlatDecision]
    package let lists: [[Int64]]
    package let apportionments: [FlatApportionment]
    package let dateRegister: Int32
    /// Registers filled once per machine: constants and parameters.
    package let constants: [(register: Int32, word: FlatWord)]
    package let registerCount: Int
    /// For each `collect` decision (by index; empty for others), each leaf's: the value and the fired rules, built once.
    package let collectResults: [[(value: Value, fired: [Int])]]
    /// The tree evaluator's `[rule]` arrays, shared: `single[decision][rule]`.
    package let single: [[[Int]]]
    /// The days (packed `yyyymmdd`) the program may run on: its period of the parameters,
    /// within the policy's effective dates. On any other day the machine gives way to the
    /// general path, which says why.
    package let validDays: ClosedRange<Int32>

    package init(layout: FlatLayout, code: [FlatInstruction], nodes: [FlatNode], leaves: [FlatLeaf], outputs: [FlatBlock], definitions: [FlatBlock],
         definitionKinds: [FlatKind], decisions: [FlatDecision], lists: [[Int64]], apportionments: [FlatApportionment], dateRegister: Int32, constants: [(register: Int32, word: FlatWord)], registerCount: Int,
         collectResults: [[(value: Value, fired: [Int])]], single: [[[Int]]], validDays: ClosedRange<Int32>) {
        self.validDays = validDays
        self.layout = layout
        self.code = code
        self.nodes = nodes
        self.leaves = leaves
        self.outputs = outputs
        self.definitions = definitions
        self.definitionKinds = definitionKinds
        self.decisions = decisions
        self.lists = lists
        self.apportionments = apportionments
        self.dateRegister = dateRegister
        self.constants = constants
        self.registerCount = registerCount
        self.collectResults = collectResults
        self.single = single
    }

    /// For a `collect` decision, its value at each leaf of its tree (`FlatMachine.collectLeaf(of:)`
    /// says which leaf a run reached); empty for other decisions.
    package func collectValues(of decision: Int) -> [Value] {
        collectResults[decision].map(\.value)
    }

    /// Each decision's kind of value.
    package var decisionKinds: [FlatKind] { decisions.map(\.kind) }

    /// For a record decision, its number of fields (1 for any other decision).
    package func recordWidth(of decision: Int) -> Int { Int(decisions[decision].width) }

    /// The number of instructions, for a look at what lowering made.
    package var instructionCount: Int { code.count }
}

/// How a person's facts sit in the flat form: one `FlatWord` per input, in the policy's
/// input order. Inputs without a flat form (text, lists) are allowed only when no
/// expression reads them, such as `id`; their word stays zero.
package struct FlatLayout: Sendable {
    /// Each input's kind; nil for an input the program does not read and cannot hold.
    package let kinds: [FlatKind?]
    /// Inputs whose date may not be later than the evaluation date.
    package let notAfterEvaluationDate: [Int]

    package var count: Int { kinds.count }

    /// Writes `values` (typed facts in input order) as words into `words`.
    @inline(__always)
    package func encode(_ values: [Value], into words: UnsafeMutablePointer<FlatWord>) {
        for index in 0..<kinds.count {
            words[index] = kinds[index] == nil ? .zero : (FlatKind.word(of: values[index])?.0 ?? .zero)
        }
    }
}
