import PolicyModel
import PolicyCompiler

extension FlatCompiler {
    /// The flat nodes of `tree`, numbered from `base`.
    package mutating func lowerTree(_ tree: DecisionTree, base: Int32, decision: String) throws(FlatUnsupported) -> [FlatNode] {
        var nodes: [FlatNode] = []
        for step in tree.steps {
            guard step.atom >= 0 else {
                nodes.append(FlatNode(test: .leaf, ifTrue: step.ifTrue))
                continue
            }
            let kernel = tree.kernels[Int(step.atom)]
            var node = FlatNode(test: .block, ifTrue: base + step.ifTrue, ifFalse: base + step.ifFalse)
            if kernel.test == .general {
                let (block, kind) = try lowerBlock(tree.atomExpressions[Int(step.atom)])
                guard kind == .bool else { throw FlatUnsupported(reason: "a test of `\(decision)` is not a bool") }
                node.block = block
                node.register = block.result
                nodes.append(node)
                continue
            }
            switch kernel.source {
            case .input:
                guard inputKinds[Int(kernel.index)] != nil else {
                    throw FlatUnsupported(reason: "a test of `\(decision)` reads input `\(policy.inputs[Int(kernel.index)].name)`, which has no flat form")
                }
                node.register = kernel.index
            case .definition:
                let (block, _) = try definition(Int(kernel.index))
                node.register = block.result
                node.ensure = kernel.index + 1
            case .decision:
                guard decisionKinds[Int(kernel.index)] != .collectLeaf, decisionKinds[Int(kernel.index)] != .record else {
                    throw FlatUnsupported(reason: "a test of `\(decision)` reads the list `\(policy.decisions[Int(kernel.index)].name)`")
                }
                node.register = decisionRegisters[Int(kernel.index)]
                node.ensure = -(kernel.index + 1)
            }
            node.constant = kernel.constant
            node.comparison = kernel.comparison
            switch kernel.test {
            case .isTrue: node.test = .isTrue
            case .isFalse: node.test = .isFalse
            case .integerCompare: node.test = .compareBits
            case .enumInSet: node.test = .inMask
            case .enumNotInSet: node.test = .notInMask
            case .general: break
            }
            nodes.append(node)
        }
        return nodes
    }

    /// Lowers `expression` into `current`, returning the register holding its value.
    package mutating func lower(_ expression: Expression) throws(FlatUnsupported) -> (Int32, FlatKind) {
        switch expression {
        case .constant(let value, _):
            guard let (word, kind) = FlatKind.word(of: value) else { throw unsupported(expression) }
            return (constant(word), kind)
        case .input(let slot):
            guard let kind = inputKinds[slot] else {
                throw FlatUnsupported(reason: "input `\(policy.inputs[slot].name)` (\(policy.inputs[slot].type)) is read by an expression and has no flat form")
            }
            return (Int32(slot), kind)
        case .definition(let index):
            let (block, kind) = try definition(index)
            emit(FlatInstruction(operation: .ensureDefinition, a: Int32(index)))
            return (block.result, kind)
        case .parameter(let index):
            if let value = epoch.parameters[index] {
                guard let (word, kind) = FlatKind.word(of: value) else { throw unsupported(expression) }
                return (constant(word), kind)
            }
            guard let kind = FlatKind(policy.parameters[index].type) else { throw unsupported(expression) }
            emit(FlatInstruction(operation: .fault))
            return (constant(.zero), kind)
        case .decision(let index):
            guard decisionKinds[index] != .collectLeaf else {
                throw FlatUnsupported(reason: "an expression reads the list `\(policy.decisions[index].name)`")
            }
            guard decisionKinds[index] != .record else {
                throw FlatUnsupported(reason: "an expression reads the whole record `\(policy.decisions[index].name)`; only its fields have a flat form")
            }
            emit(FlatInstruction(operation: .ensureDecision, a: Int32(index)))
            return (decisionRegisters[index], decisionKinds[index])
        case .evaluationDate:
            return (dateRegister, .date)
        case .not(let operand):
            let (a, _) = try lower(operand)
            let d = newRegister()
            emit(FlatInstruction(operation: .not, d: d, a: a))
            return (d, .bool)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            var isAnd = false
            if case .and = expression { isAnd = true }
            let d = newRegister()
            let (a, _) = try lower(lhs)
            emit(FlatInstruction(operation: .move, d: d, a: a))
            let jump = current.count
            emit(FlatInstruction(operation: isAnd ? .jumpIfFalse : .jumpIfTrue, a: d))
            let (b, _) = try lower(rhs)
            emit(FlatInstruction(operation: .move, d: d, a: b))
            current[jump].k = Int64(current.count)
            return (d, .bool)
        case .compare(let op, let lhs, let rhs, let kind):
            let (a, kindA) = try lower(lhs)
            let (b, kindB) = try lower(rhs)
            let d = newRegister()
            switch kind {
            case .bool, .integer, .date, .enumeration:
                guard kindA == kindB else { throw unsupported(expression) }
                emit(FlatInstruction(operation: .compareBits, comparison: op, d: d, a: a, b: b))
            case .decimal:
                guard kindA.isNumber, kindB.isNumber else { throw unsupported(expression) }
                emit(FlatInstruction(operation: kindA == .integer && kindB == .integer ? .compareBits : .compareDecimal, comparison: op, d: d, a: a, b: b))
            case .string, .list, .record:
                throw unsupported(expression)
            }
            return (d, .bool)
        case .arithmetic(let op, let lhs, let rhs, let kind):
            let (a, kindA) = try lower(lhs)
            let (b, kindB) = try lower(rhs)
            guard kindA.isNumber, kindB.isNumber else { throw unsupported(expression) }
            let d = newRegister()
            let integer = kind == .integer && kindA == .integer && kindB == .integer
            emit(FlatInstruction(operation: integer ? .arithmeticInteger : .arithmeticDecimal, d: d, a: a, b: b, k: FlatInstruction.code(op)))
            return (d, integer ? .integer : .decimal)
        case .negate(let operand, _):
            let (a, kindA) = try lower(operand)
            guard kindA.isNumber else { throw unsupported(expression) }
            let d = newRegister()
            emit(FlatInstruction(operation: kindA == .integer ? .negateInteger : .negateDecimal, d: d, a: a))
            return (d, kindA)
        case .toDecimal(let operand):
            // An integer's word read as a decimal is the same number (scale 0).
            let (a, kindA) = try lower(operand)
            guard kindA.isNumber else { throw unsupported(expression) }
            return (a, .decimal)
        case .member(let element, let list):
            let (a, kindA) = try lower(element)
            guard let items = list.constantListItems else { throw unsupported(expression) }
            var words: [Int64] = []
            for item in items {
                guard let (word, kind) = FlatKind.word(of: item), kind == kindA, kind != .decimal else { throw unsupported(expression) }
                words.append(word.bits)
            }
            let d = newRegister()
            if kindA == .enumeration, words.allSatisfy({ $0 >= 0 && $0 < 63 }) {
                emit(FlatInstruction(operation: .inMask, d: d, a: a, k: words.reduce(0) { $0 | (1 << $1) }))
            } else {
                lists.append(words)
                emit(FlatInstruction(operation: .inList, d: d, a: a, k: Int64(lists.count - 1)))
            }
            return (d, .bool)
        case .conditional(let condition, let then, let otherwise):
            let d = newRegister()
            let (c, _) = try lower(condition)
            let jumpToElse = current.count
            emit(FlatInstruction(operation: .jumpIfFalse, a: c))
            let (t, kindT) = try lower(then)
            emit(FlatInstruction(operation: .move, d: d, a: t))
            let jumpToEnd = current.count
            emit(FlatInstruction(operation: .jump))
            current[jumpToElse].k = Int64(current.count)
            let (e, kindE) = try lower(otherwise)
            emit(FlatInstruction(operation: .move, d: d, a: e))
            current[jumpToEnd].k = Int64(current.count)
            guard kindT == kindE else { throw unsupported(expression) }
            return (d, kindT)
        case .call(let function, let arguments):
            return try lowerCall(function, arguments, expression)
        case .field(.decision(let index), let field) where decisionKinds[index] == .record && field < decisionWidths[index]:
            emit(FlatInstruction(operation: .ensureDecision, a: Int32(index)))
            return (decisionRegisters[index] + Int32(field), .decimal)
        case .list, .record, .field:
            throw unsupported(expression)
        }
    }

    package mutating func lowerCall(_ function: BuiltinFunction, _ arguments: [Expression], _ expression: Expression) throws(FlatUnsupported) -> (Int32, FlatKind) {
        var registers: [(Int32, FlatKind)] = []
        for argument in arguments { registers.append(try lower(argument)) }
        switch function {
        case .min, .max:
            guard let first = registers.first, registers.allSatisfy({ $0.1 == first.1 }), first.1.isNumber else { throw unsupported(expression) }
            var best = first.0
            for (register, _) in registers.dropFirst() {
                let d = newRegister()
                let operation: FlatInstruction.Operation
                switch (function == .min, first.1 == .integer) {
                case (true, true): operation = .minimumBits
                case (true, false): operation = .minimumDecimal
                case (false, true): operation = .maximumBits
                case (false, false): operation = .maximumDecimal
                }
                emit(FlatInstruction(operation: operation, d: d, a: best, b: register))
                best = d
            }
            return (best, first.1)
        case .floorTo:
            guard registers.count == 2, registers.allSatisfy({ $0.1.isNumber }) else { throw unsupported(expression) }
            let d = newRegister()
            emit(FlatInstruction(operation: .floorTo, d: d, a: registers[0].0, b: registers[1].0))
            return (d, .decimal)
        case .yearsBetween, .daysBetween:
            guard registers.count == 2, registers.allSatisfy({ $0.1 == .date }) else { throw unsupported(expression) }
            let d = newRegister()
            emit(FlatInstruction(operation: function == .yearsBetween ? .yearsBetween : .daysBetween, d: d, a: registers[0].0, b: registers[1].0))
            return (d, .integer)
        case .date:
            guard let first = registers.first else { throw unsupported(expression) }
            return first
        case .sum, .count:
            throw unsupported(expression)
        }
    }

    package func unsupported(_ expression: Expression) -> FlatUnsupported {
        FlatUnsupported(reason: "`\(ExpressionPrinter(policy: policy).print(expression))` has no flat form")
    }
}

extension FlatKind {
    package var isNumber: Bool { self == .integer || self == .decimal }
}
