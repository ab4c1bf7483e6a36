/// A typed value: a fact, a parameter, an intermediate result or a decision.
///
/// An enum value is stored as the index of its case in its `EnumType`, so comparing
/// enum values is comparing integers.
public enum Value: Sendable, Hashable {
    case bool(Bool)
    case integer(Int64)
    case decimal(ExactDecimal)
    case string(String)
    case date(CivilDate)
    case enumCase(Int)
    case list([Value])
    case record([Value])

    public var boolValue: Bool? { if case .bool(let value) = self { return value } else { return nil } }
    public var integerValue: Int64? { if case .integer(let value) = self { return value } else { return nil } }
    public var dateValue: CivilDate? { if case .date(let value) = self { return value } else { return nil } }
    public var enumIndex: Int? { if case .enumCase(let value) = self { return value } else { return nil } }
    public var listValue: [Value]? { if case .list(let value) = self { return value } else { return nil } }

    /// The value as a decimal when it is a number (integers widen exactly).
    public var decimalValue: ExactDecimal? {
        switch self {
        case .decimal(let value): return value
        case .integer(let value): return ExactDecimal(value)
        default: return nil
        }
    }
}

extension Value {
    /// How the value reads in a policy file or a message (`free`, `160.00`, `[a, b]`).
    public func display(as type: ValueType) -> String {
        switch (self, type) {
        case (.bool(let value), _): return value ? "true" : "false"
        case (.integer(let value), _): return String(value)
        case (.decimal(let value), _): return value.formatted(places: max(2, Int(value.normalized.scale)))
        case (.string(let value), _): return "\"\(value)\""
        case (.date(let value), _): return value.description
        case (.enumCase(let index), .enumeration(let enumType)):
            return index < enumType.cases.count ? enumType.cases[index] : "#\(index)"
        case (.enumCase(let index), _): return "#\(index)"
        case (.list(let items), .list(let element)):
            return "[" + items.map { $0.display(as: element) }.joined(separator: ", ") + "]"
        case (.record(let fields), .record(let recordType)):
            return "{" + zip(recordType.fields, fields).map { "\($0.name): \($1.display(as: $0.type))" }.joined(separator: ", ") + "}"
        case (.list(let items), _): return "[" + items.map { $0.display(as: .string) }.joined(separator: ", ") + "]"
        case (.record(let fields), _): return "{" + fields.map { $0.display(as: .string) }.joined(separator: ", ") + "}"
        }
    }
}
