import PolicyModel

/// JSON text written in a fixed key order (decisions in file order), with decimals as
/// strings of exactly two places (`"160.00"`), as other systems expect.
package enum JSONText {
    /// A JSON value ready to be written.
    package indirect enum Node: Sendable {
        case null
        case bool(Bool)
        case integer(Int64)
        case string(String)
        case array([Node])
        case object([(String, Node)])
    }

    package static func value(_ value: Value, type: ValueType) -> Node {
        switch (value, type) {
        case (.bool(let v), _): return .bool(v)
        case (.integer(let v), _): return .integer(v)
        case (.decimal(let v), _): return .string(v.formatted(places: 2))
        case (.string(let v), _): return .string(v)
        case (.date(let v), _): return .string(v.description)
        case (.enumCase(let index), .enumeration(let enumType)): return .string(index < enumType.cases.count ? enumType.cases[index] : "")
        case (.list(let items), .list(let element)): return .array(items.map { self.value($0, type: element) })
        case (.record(let fields), .record(let record)):
            return .object(zip(record.fields, fields).map { ($0.name, self.value($1, type: $0.type)) })
        default: return .null
        }
    }

    package static func write(_ node: Node, pretty: Bool = false, indent: String = "") -> String {
        if !pretty {
            var output = ""
            writeCompact(node, into: &output)
            return output
        }
        switch node {
        case .null: return "null"
        case .bool(let v): return v ? "true" : "false"
        case .integer(let v): return String(v)
        case .string(let v): return quote(v)
        case .array(let items):
            if items.isEmpty { return "[]" }
            if !pretty { return "[" + items.map { write($0) }.joined(separator: ",") + "]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + write($0, pretty: true, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let entries):
            if entries.isEmpty { return "{}" }
            if !pretty { return "{" + entries.map { quote($0.0) + ":" + write($0.1) }.joined(separator: ",") + "}" }
            let inner = indent + "  "
            return "{\n" + entries.map { inner + quote($0.0) + ": " + write($0.1, pretty: true, indent: inner) }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// Compact JSON, appended to `output` (what `write(_:)` gives without `pretty`).
    package static func writeCompact(_ node: Node, into output: inout String) {
        switch node {
        case .null: output += "null"
        case .bool(let v): output += v ? "true" : "false"
        case .integer(let v): output += String(v)
        case .string(let v): appendQuoted(v, to: &output)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                writeCompact(item, into: &output)
            }
            output += "]"
        case .object(let entries):
            output += "{"
            for (position, entry) in entries.enumerated() {
                if position > 0 { output += "," }
                appendQuoted(entry.0, to: &output)
                output += ":"
                writeCompact(entry.1, into: &output)
            }
            output += "}"
        }
    }

    /// `quote(text)` appended to `output`, without a copy when nothing needs escaping.
    @inline(__always)
    package static func appendQuoted(_ text: String, to output: inout String) {
        if needsNoEscape(text) {
            output += "\""
            output += text
            output += "\""
        } else {
            output += quote(text)
        }
    }

    package static func needsNoEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 34 || byte == 92 { return false }
            return true
        }
    }

    package static func quote(_ text: String) -> String {
        if needsNoEscape(text) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
