import PolicyModel

/// A JSON value as read from facts. Numbers keep their exact decimal digits (read from their decimal text by `JSONReader`, never through a binary float).
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A number that is not a whole number within `Int64`.
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses one JSON document (see `JSONReader`: exact digits, duplicate keys refused,
    /// nesting limited, errors located by line and column).
    package static func parse(_ bytes: some Sequence<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try JSONReader.parse(Array(bytes))
    }

    /// How the value is described in an error (`the number 7`, `the text "rich"`).
    package var describe: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return "the number \(value)"
        case .number(let value): return "the number \(value)"
        case .string(let value): return "the text \"\(value)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
