import PolicyModel
import PolicyCompiler

/// One typed value in the flat layout the fast evaluator reads and writes: 16 bytes,
/// nothing to retain. A bool is 0 or 1, an integer itself, a date its packed
/// `yyyymmdd`, an enum value its case index (all with `scale` 0); a decimal is its
/// mantissa and scale, so an integer read as a decimal is exact.
package struct FlatWord: Sendable, Hashable {
    package var bits: Int64
    package var scale: Int8

    @inline(__always)
    package init(bits: Int64, scale: Int8 = 0) {
        self.bits = bits
        self.scale = scale
    }

    package static let zero = FlatWord(bits: 0)

    @inline(__always) package var decimal: ExactDecimal { ExactDecimal(mantissa: bits, scale: scale) }

    @inline(__always) package init(_ decimal: ExactDecimal) {
        bits = decimal.mantissa
        scale = decimal.scale
    }
}

/// What a flat word holds, fixed when the policy is lowered to its flat form.
package enum FlatKind: UInt8, Sendable, Hashable {
    case bool, integer, decimal, date, enumeration
    /// The value of a `collect` table: the index of the tree leaf that matched. Only the
    /// result reader turns it into a list; expressions cannot read it.
    case collectLeaf
    /// A record of decimal fields (an apportionment's shares) in consecutive registers,
    /// the first of which is the decision's; `FlatMachine.value(of:)` builds the record.
    case record

    /// The kind of a value of `type`, or nil when it has no flat form (text, lists, records).
    package init?(_ type: ValueType) {
        switch type {
        case .bool: self = .bool
        case .integer: self = .integer
        case .decimal: self = .decimal
        case .date: self = .date
        case .enumeration: self = .enumeration
        default: return nil
        }
    }

    /// The word of a value, or nil when the value has no flat form.
    package static func word(of value: Value) -> (FlatWord, FlatKind)? {
        switch value {
        case .bool(let flag): return (FlatWord(bits: flag ? 1 : 0), .bool)
        case .integer(let number): return (FlatWord(bits: number), .integer)
        case .decimal(let number): return (FlatWord(number), .decimal)
        case .date(let date): return (FlatWord(bits: Int64(date.packed)), .date)
        case .enumCase(let index): return (FlatWord(bits: Int64(index)), .enumeration)
        case .string, .list, .record: return nil
        }
    }

    /// The value a word of this kind holds.
    @inline(__always)
    package func value(of word: FlatWord) -> Value {
        switch self {
        case .bool: return .bool(word.bits != 0)
        case .integer: return .integer(word.bits)
        case .decimal: return .decimal(word.decimal)
        case .date: return .date(CivilDate(packed: Int32(truncatingIfNeeded: word.bits)))
        case .enumeration: return .enumCase(Int(word.bits))
        case .collectLeaf: return .list([])
        case .record: return .record([])
        }
    }
}
