/// The type of a fact, parameter, definition or decision.
///
/// Types are checked when a policy is checked, so evaluation never meets a value of
/// the wrong type.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case bool
    case integer
    case decimal
    case string
    case date
    case enumeration(EnumType)
    case list(ValueType)
    case record(RecordType)

    public var description: String {
        switch self {
        case .bool: return "bool"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .string: return "string"
        case .date: return "date"
        case .enumeration(let type): return "enum \(type.name)"
        case .list(let element): return "list of \(element)"
        case .record(let record): return "record {\(record.fields.map(\.name).joined(separator: ", "))}"
        }
    }

    public var isNumeric: Bool { self == .integer || self == .decimal }

    /// Whether values of this type can be ordered with `<`.
    public var isOrdered: Bool { self == .integer || self == .decimal || self == .date }
}

/// A closed set of named values, such as `free | low_cost | paid | not_eligible`.
public struct EnumType: Sendable, Hashable {
    /// The name the policy gives the set (the fact or decision it belongs to).
    public let name: String
    public let cases: [String]
    /// A Chinese label for each case, when the policy gives one.
    public let labels: [String?]

    public init(name: String, cases: [String], labels: [String?]? = nil) {
        self.name = name
        self.cases = cases
        self.labels = labels ?? Array(repeating: nil, count: cases.count)
    }

    public func index(of caseName: String) -> Int? { cases.firstIndex(of: caseName) }

    /// Two enum types are the same type when they have the same cases in the same order.
    public static func == (lhs: EnumType, rhs: EnumType) -> Bool { lhs.cases == rhs.cases }
    public func hash(into hasher: inout Hasher) { hasher.combine(cases) }
}

/// A value with named fields in a fixed order, such as the five parts of a meal's price.
public struct RecordType: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public let name: String
        public let type: ValueType
        public init(name: String, type: ValueType) {
            self.name = name
            self.type = type
        }
    }

    public let fields: [Field]

    public init(fields: [Field]) { self.fields = fields }

    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
