import PolicyModel

/// The bytes of a policy file as text, or the place where they stop being text a policy
/// can hold: a byte that is not UTF-8, a NUL or another control character YAML refuses.
/// Either is reported at its own line and column (columns count Unicode scalars, as
/// every span does), never at the top of the file.
///
/// ```swift
/// let text = try PolicyText.decode([0x61, 0x3A, 0x0A, 0xFF], file: "p.yaml")   // error at p.yaml:2:1
/// ```
package enum PolicyText {
    /// The text of `bytes`, refused at the first byte that is not UTF-8. (`YAMLReader`
    /// refuses the characters YAML does not allow.)
    package static func decode(_ bytes: some Collection<UInt8>, file: String) throws(DiagnosticList) -> String {
        var place = Place()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                place.advance(past: scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw DiagnosticList([.error(.notUTF8, at: place.span(in: file), help: .saveAsUTF8)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first character of `text` YAML refuses, as an error at its place.
    package static func firstRefusedCharacter(in text: String, file: String) -> Diagnostic? {
        var place = Place()
        for scalar in text.unicodeScalars {
            if let refusal = refusal(of: scalar, at: place, file: file) { return refusal }
            place.advance(past: scalar)
        }
        return nil
    }

    /// A line and column, moved on one scalar at a time.
    struct Place {
        var line = 1
        var column = 1

        mutating func advance(past scalar: Unicode.Scalar) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }

        func span(in file: String) -> SourceSpan { SourceSpan(file: file, line: line, column: column) }
    }

    /// YAML's printable characters: tab, line ends, and everything but other control
    /// characters, lone surrogates and U+FFFE/U+FFFF.
    static func refusal(of scalar: Unicode.Scalar, at place: Place, file: String) -> Diagnostic? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return nil
        default: break
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        let what: RefusedCharacter = scalar.value == 0 ? .nul(code) : (isControl ? .control(code) : .other(code))
        return .error(.refusedCharacter(what), at: place.span(in: file), help: .removeRefusedCharacter)
    }
}
