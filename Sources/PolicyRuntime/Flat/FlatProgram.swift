import PolicyModel

/// One instruction of a flat program. Operands are register numbers; `k` is a constant,
/// a jump target, a bit mask or an index, as the operation says.
struct FlatInstruction: Sendable {
    enum Operation: UInt8, Sendable {
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

    var operation: Operation
    var comparison: ComparisonOperator = .equal
    var d: Int32 = 0
    var a: Int32 = 0
    var b: Int32 = 0
    var k: Int64 = 0

    static let add: Int64 = 0, subtract: Int64 = 1, multiply: Int64 = 2, divide: Int64 = 3

    static func code(_ op: ArithmeticOperator) -> Int64 {
        switch op {
        case .add: return add
        case .subtract: return subtract
        case .multiply: return multiply
        case .divide: return divide
        }
    }
}

/// A run of instructions whose value ends in `result`.
struct FlatBlock: Sendable {
    var start: Int32
    var end: Int32
    var result: Int32
}

/// One node of a decision tree in flat form: a test answered from a register, or a leaf.
struct FlatNode: Sendable {
    enum Test: UInt8, Sendable {
        case isTrue, isFalse, compareBits, inMask, notInMask
        /// Run `block`, then test its result.
        case block
        case leaf
    }

    var test: Test
    var comparison: ComparisonOperator = .equal
    /// What to compute before reading `register`: 0 nothing, `+n` definition n−1, `−n` decision n−1.
    var ensure: Int32 = 0
    var register: Int32 = 0
    var constant: Int64 = 0
    var block = FlatBlock(start: 0, end: 0, result: 0)
    /// The next node, or for a leaf the index into the tree's leaves.
    var ifTrue: Int32 = 0
    var ifFalse: Int32 = 0
}

/// What a leaf of a table's tree decides.
struct FlatLeaf: Sendable {
    /// The first matching rule, −1 when none matched.
    var first: Int32
    var count: Int32
}

/// How one decision is computed in flat form.
struct FlatDecision: Sendable {
    enum Method: UInt8, Sendable { case formula, first, unique, collect, apportionment }

    var method: Method
    var kind: FlatKind
    /// Where the value is kept.
    var register: Int32
    /// The formula, for `formula`.
    var formula = FlatBlock(start: 0, end: 0, result: 0)
    /// The tree's root node in `FlatProgram.nodes`, and its first leaf in `FlatProgram.leaves`.
    var root: Int32 = 0
    var firstLeaf: Int32 = 0
    /// The rules' outputs in `FlatProgram.outputs` (the `else` row's last).
    var firstOutput: Int32 = 0
    var ruleCount: Int32 = 0
    var hasOtherwise = false
    /// For a record: how many registers, from `register` on, hold its fields.
    var width: Int32 = 1
    /// For an apportionment: its index in `FlatProgram.apportionments`.
    var apportionment: Int32 = 0
}

/// An apportionment in flat form: the total and each payer's share as blocks, split into
/// the decision's registers as `Apportionment.split` splits them.
struct FlatApportionment: Sendable {
    var total: FlatBlock
    /// Each payer's share; nil for the remainder payer.
    var shares: [FlatBlock?]
    var remainderPayer: Int
    var reductionOrder: [Int]
}

/// A checked policy lowered, for one period of its parameters, to straight-line code
/// over typed registers: what `FlatMachine` runs. Registers hold `FlatWord`s; the first
/// ones are the person's facts (`FlatLayout`), then the evaluation date, the constants
/// (the period's parameters among them), and the values computed. Built once per
/// period and shared by every thread.
public final class FlatProgram: Sendable {
    public let layout: FlatLayout
    let code: [FlatInstruction]
    let nodes: [FlatNode]
    let leaves: [FlatLeaf]
    let outputs: [FlatBlock]
    let definitions: [FlatBlock]
    let definitionKinds: [FlatKind]
    let decisions: [FlatDecision]
    let lists: [[Int64]]
    let apportionments: [FlatApportionment]
    let dateRegister: Int32
    /// Registers filled once per machine: constants and parameters.
    let constants: [(register: Int32, word: FlatWord)]
    let registerCount: Int
    /// For each `collect` decision (by index; empty for others), each leaf's: the value and the fired rules, built once.
    let collectResults: [[(value: Value, fired: [Int])]]
    /// The tree evaluator's `[rule]` arrays, shared: `single[decision][rule]`.
    let single: [[[Int]]]

    init(layout: FlatLayout, code: [FlatInstruction], nodes: [FlatNode], leaves: [FlatLeaf], outputs: [FlatBlock], definitions: [FlatBlock],
         definitionKinds: [FlatKind], decisions: [FlatDecision], lists: [[Int64]], apportionments: [FlatApportionment], dateRegister: Int32, constants: [(register: Int32, word: FlatWord)], registerCount: Int,
         collectResults: [[(value: Value, fired: [Int])]], single: [[[Int]]]) {
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
    public func collectValues(of decision: Int) -> [Value] {
        collectResults[decision].map(\.value)
    }

    /// Each decision's kind of value.
    public var decisionKinds: [FlatKind] { decisions.map(\.kind) }

    /// For a record decision, its number of fields (1 for any other decision).
    public func recordWidth(of decision: Int) -> Int { Int(decisions[decision].width) }

    /// The number of instructions, for a look at what lowering made.
    public var instructionCount: Int { code.count }
}

/// How a person's facts sit in the flat form: one `FlatWord` per input, in the policy's
/// input order. Inputs without a flat form (text, lists) are allowed only when no
/// expression reads them, such as `id`; their word stays zero.
public struct FlatLayout: Sendable {
    /// Each input's kind; nil for an input the program does not read and cannot hold.
    public let kinds: [FlatKind?]
    /// Inputs whose date may not be later than the evaluation date.
    public let notAfterEvaluationDate: [Int]

    public var count: Int { kinds.count }

    /// Writes `values` (typed facts in input order) as words into `words`.
    @inline(__always)
    public func encode(_ values: [Value], into words: UnsafeMutablePointer<FlatWord>) {
        for index in 0..<kinds.count {
            words[index] = kinds[index] == nil ? .zero : (FlatKind.word(of: values[index])?.0 ?? .zero)
        }
    }
}
