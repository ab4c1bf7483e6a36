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

    /// The node as JSON text, compact (`{"a":1}`) or pretty (two spaces a level, `"a": 1`).
    package static func write(_ node: Node, pretty: Bool = false) -> String {
        var bytes: [UInt8] = []
        write(node, pretty: pretty, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The node as JSON text appended to `sink`.
    package static func write(_ node: Node, pretty: Bool = false, into sink: inout [UInt8]) {
        if pretty {
            writePretty(node, level: 0, into: &sink)
        } else {
            writeCompact(node, into: &sink)
        }
    }

    package static func writeCompact(_ node: Node, into sink: inout [UInt8]) {
        switch node {
        case .null: sink.appendASCII("null")
        case .bool(let v): v ? sink.appendASCII("true") : sink.appendASCII("false")
        case .integer(let v): sink.appendInteger(v)
        case .string(let v): JSONString.appendQuoted(v, to: &sink)
        case .array(let items):
            sink.append(91)
            for (position, item) in items.enumerated() {
                if position > 0 { sink.append(44) }
                writeCompact(item, into: &sink)
            }
            sink.append(93)
        case .object(let entries):
            sink.append(123)
            for (position, entry) in entries.enumerated() {
                if position > 0 { sink.append(44) }
                JSONString.appendQuoted(entry.0, to: &sink)
                sink.append(58)
                writeCompact(entry.1, into: &sink)
            }
            sink.append(125)
        }
    }

    /// Each item or member on its own line, indented two spaces per `level`.
    package static func writePretty(_ node: Node, level: Int, into sink: inout [UInt8]) {
        switch node {
        case .array(let items) where !items.isEmpty:
            sink.appendASCII("[\n")
            for (position, item) in items.enumerated() {
                if position > 0 { sink.appendASCII(",\n") }
                indent(level + 1, into: &sink)
                writePretty(item, level: level + 1, into: &sink)
            }
            sink.append(10)
            indent(level, into: &sink)
            sink.append(93)
        case .object(let entries) where !entries.isEmpty:
            sink.appendASCII("{\n")
            for (position, entry) in entries.enumerated() {
                if position > 0 { sink.appendASCII(",\n") }
                indent(level + 1, into: &sink)
                JSONString.appendQuoted(entry.0, to: &sink)
                sink.appendASCII(": ")
                writePretty(entry.1, level: level + 1, into: &sink)
            }
            sink.append(10)
            indent(level, into: &sink)
            sink.append(125)
        default:
            writeCompact(node, into: &sink)
        }
    }

    package static func indent(_ level: Int, into sink: inout [UInt8]) {
        for _ in 0..<level { sink.appendASCII("  ") }
    }

    /// `text` as a quoted JSON string (see `JSONString`).
    package static func quote(_ text: String) -> String { JSONString.quoted(text) }
}
