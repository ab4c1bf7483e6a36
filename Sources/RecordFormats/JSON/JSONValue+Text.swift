import PolicyModel

extension JSONValue {
    /// Compact JSON text with keys sorted, numbers exactly as they were read.
    ///
    /// ```swift
    /// JSONValue.object(["b": .integer(1), "a": .null]).text   // {"a":null,"b":1}
    /// ```
    package var text: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package func write(into sink: inout [UInt8]) {
        switch self {
        case .null: sink.appendASCII("null")
        case .bool(let value): value ? sink.appendASCII("true") : sink.appendASCII("false")
        case .integer(let value): sink.appendInteger(value)
        case .number(let value): sink.appendUTF8(value.description)
        case .string(let value): JSONString.appendQuoted(value, to: &sink)
        case .array(let items):
            sink.append(91)
            for (offset, item) in items.enumerated() {
                if offset > 0 { sink.append(44) }
                item.write(into: &sink)
            }
            sink.append(93)
        case .object(let members):
            sink.append(123)
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { sink.append(44) }
                JSONString.appendQuoted(key, to: &sink)
                sink.append(58)
                members[key]?.write(into: &sink)
            }
            sink.append(125)
        }
    }
}
