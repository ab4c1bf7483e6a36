import Foundation
import PolicyModel

extension JSONValue {
    /// Compact JSON text with keys sorted, numbers exactly as they were read.
    ///
    /// ```swift
    /// JSONValue.object(["b": .integer(1), "a": .null]).text   // {"a":null,"b":1}
    /// ```
    package var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    package func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += value.description
        case .string(let value): JSONText.appendQuoted(value, to: &output)
        case .array(let items):
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += "," }
                item.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { output += "," }
                JSONText.appendQuoted(key, to: &output)
                output += ":"
                members[key]?.write(into: &output)
            }
            output += "}"
        }
    }
}
