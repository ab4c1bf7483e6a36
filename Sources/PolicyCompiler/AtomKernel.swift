import PolicyModel

/// The shape of a common atomic test, recognised once when the tree is built, so that a
/// walk can answer it with a few integer operations: a bool fact, an integer compared
/// with a constant, an enum value in a set of constants. Plain data: a walk retains
/// nothing. Other tests are `general` and evaluate their expression.
package struct AtomKernel: Sendable, Hashable {
    /// Where the tested value comes from.
    package enum Source: UInt8, Sendable {
        case input, definition, decision
    }

    /// What is asked of the value.
    package enum Test: UInt8, Sendable {
        /// A bool value is true.
        case isTrue
        /// A bool value is false.
        case isFalse
        /// An integer value compared with `constant` by `comparison`.
        case integerCompare
        /// An enum value's case is in the bit set `constant`.
        case enumInSet
        /// An enum value's case is not in the bit set `constant`.
        case enumNotInSet
        /// Anything else: evaluate the expression.
        case general
    }

    package let test: Test
    package let source: Source
    package let comparison: ComparisonOperator
    package let index: Int32
    package let constant: Int64

    package static let general = AtomKernel(test: .general, source: .input, comparison: .equal, index: 0, constant: 0)

    /// The kernel of a bool expression, `general` when it has no simpler shape.
    package static func recognise(_ expression: Expression) -> AtomKernel {
        if let source = source(of: expression) {
            return AtomKernel(test: .isTrue, source: source.0, comparison: .equal, index: source.1, constant: 0)
        }
        switch expression {
        case .not(let operand):
            if let source = source(of: operand) {
                return AtomKernel(test: .isFalse, source: source.0, comparison: .equal, index: source.1, constant: 0)
            }
        case .compare(let op, let lhs, let rhs, let kind):
            if let kernel = comparison(op, lhs, rhs, kind) { return kernel }
            if let kernel = comparison(op.flipped, rhs, lhs, kind) { return kernel }
        case .member(let element, let list):
            if let source = source(of: element), let mask = enumMask(list) {
                return AtomKernel(test: .enumInSet, source: source.0, comparison: .equal, index: source.1, constant: mask)
            }
        default:
            break
        }
        return .general
    }

    package static func comparison(_ op: ComparisonOperator, _ lhs: Expression, _ rhs: Expression, _ kind: ComparisonKind) -> AtomKernel? {
        guard let source = source(of: lhs), case .constant(let value, _) = rhs else { return nil }
        switch (kind, value) {
        case (.integer, .integer(let constant)):
            return AtomKernel(test: .integerCompare, source: source.0, comparison: op, index: source.1, constant: constant)
        case (.enumeration, .enumCase(let case_)) where case_ < 63 && (op == .equal || op == .notEqual):
            return AtomKernel(test: op == .equal ? .enumInSet : .enumNotInSet, source: source.0, comparison: .equal, index: source.1, constant: 1 << case_)
        case (.bool, .bool(let flag)) where op == .equal || op == .notEqual:
            return AtomKernel(test: flag == (op == .equal) ? .isTrue : .isFalse, source: source.0, comparison: .equal, index: source.1, constant: 0)
        default:
            return nil
        }
    }

    package static func source(of expression: Expression) -> (Source, Int32)? {
        switch expression {
        case .input(let slot): return (.input, Int32(slot))
        case .definition(let index): return (.definition, Int32(index))
        case .decision(let index): return (.decision, Int32(index))
        default: return nil
        }
    }

    /// The bit set of a constant list of enum cases.
    package static func enumMask(_ list: Expression) -> Int64? {
        guard let items = list.constantListItems else { return nil }
        var mask: Int64 = 0
        for item in items {
            guard case .enumCase(let case_) = item, case_ < 63 else { return nil }
            mask |= 1 << case_
        }
        return mask
    }
}
