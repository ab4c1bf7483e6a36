#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Reads one JSON object of facts straight into a flat machine's facts (`FlatLayout`),
/// without building a tree, strings or values: the fast path of the service's batch
/// endpoint. It takes only objects whose every field is plainly valid — a known fact
/// once, `true`/`false` for a bool, an in-range integer, a real date, an enum case by
/// name, a plain ASCII `id` — with every required fact present. Anything else (`null`,
/// escapes, an unknown or repeated field, a wrong type, a value out of range) goes to
/// `FactsDecoder`, which names what is wrong; the results are the same either way.
package final class FlatJSONFactsReader {
    package enum Kind: UInt8 {
        case bool, integer, date, enumeration
        /// The person's `id`: plain ASCII, written back as it is.
        case id
        /// Text no expression reads: any plain string.
        case text
        /// Needs the general decoder whenever it is given.
        case general
    }

    package struct Field {
        package var input: Int
        package var kind: Kind
        package var low: Int64
        package var high: Int64
        package var nameStart: Int
        package var nameCount: Int
        package var firstCase: Int
        package var caseCount: Int
    }

    package let fields: UnsafeMutableBufferPointer<Field>
    /// Input names and enum case names, one after another.
    package let names: UnsafeMutableBufferPointer<UInt8>
    /// Enum case `i` is `names[caseBounds[i] ..< caseBounds[i + 1]]`.
    package let caseBounds: UnsafeMutableBufferPointer<Int>
    package let defaults: [(input: Int, word: FlatWord)]
    /// Inputs that must be given (no default), as a bit set.
    package let required: UInt64
    /// The slot of the field matched last, where the next key is looked for first.
    package var hint = 0

    /// Nil when the policy has more than 64 inputs, or an input's default has no flat form.
    package init?(policy: CheckedPolicy, layout: FlatLayout) {
        let inputs = policy.inputs
        guard inputs.count <= 64, layout.count == inputs.count else { return nil }
        var fields: [Field] = []
        var names: [UInt8] = []
        var caseBounds: [Int] = []
        var defaults: [(input: Int, word: FlatWord)] = []
        var required: UInt64 = 0
        for (slot, input) in inputs.enumerated() {
            var field = Field(input: slot, kind: .general, low: .min, high: .max, nameStart: names.count, nameCount: input.name.utf8.count,
                              firstCase: 0, caseCount: 0)
            names += Array(input.name.utf8)
            let ranged = input.minimum != nil || input.maximum != nil || input.decimalPlaces != nil
            switch input.type {
            case .bool: field.kind = .bool
            case .integer:
                let low = input.minimum.map { $0.integerValue } ?? Int64.min
                let high = input.maximum.map { $0.integerValue } ?? Int64.max
                if let low, let high, input.decimalPlaces == nil {
                    field.kind = .integer
                    field.low = low
                    field.high = high
                }
            case .date: field.kind = ranged ? .general : .date
            case .enumeration(let enumType):
                field.kind = .enumeration
                field.firstCase = caseBounds.count
                for name in enumType.cases {
                    caseBounds.append(names.count)
                    names += Array(name.utf8)
                }
                caseBounds.append(names.count)
                field.caseCount = enumType.cases.count
            case .string:
                if layout.kinds[slot] == nil { field.kind = input.name == "id" ? .id : .text }
            default: break
            }
            if field.kind != .general && field.kind != .id && field.kind != .text && layout.kinds[slot] == nil { field.kind = .general }
            fields.append(field)
            if let value = input.defaultValue {
                if layout.kinds[slot] != nil {
                    guard let word = FlatKind.word(of: value)?.0 else { return nil }
                    defaults.append((slot, word))
                }
            } else {
                required |= 1 << UInt64(slot)
            }
        }
        self.fields = .allocate(capacity: max(1, fields.count))
        _ = self.fields.initialize(from: fields)
        self.names = .allocate(capacity: max(1, names.count))
        _ = self.names.initialize(from: names)
        self.caseBounds = .allocate(capacity: max(1, caseBounds.count))
        _ = self.caseBounds.initialize(from: caseBounds)
        self.defaults = defaults
        self.required = required
    }

    deinit {
        fields.deallocate()
        names.deallocate()
        caseBounds.deallocate()
    }

    /// What reading one object gave.
    package enum Outcome {
        /// The facts are in the words; the id's bytes, when the object has an `id`.
        case facts(id: Range<Int>?)
        /// The object needs the general decoder.
        case general
    }

    /// Reads the object at `bytes[range]` into `words`.
    package func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into words: UnsafeMutablePointer<FlatWord>) -> Outcome {
        let end = range.upperBound
        let bytes = UnsafeBufferPointer(rebasing: bytes[..<end])
        var index = range.lowerBound
        guard index < end, bytes[index] == 123 else { return .general }
        index += 1
        for (input, word) in defaults { words[input] = word }
        var seen: UInt64 = 0
        var id: Range<Int>?
        JSONScan.skipWhitespace(bytes, &index)
        if index < end && bytes[index] == 125 { return required == 0 ? .facts(id: nil) : .general }
        while true {
            guard let key = JSONScan.plainString(bytes, &index), let slot = lookup(bytes, key) else { return .general }
            let bit: UInt64 = 1 << UInt64(slot)
            guard seen & bit == 0 else { return .general }
            seen |= bit
            JSONScan.skipWhitespace(bytes, &index)
            guard index < end, bytes[index] == 58 else { return .general }
            index += 1
            JSONScan.skipWhitespace(bytes, &index)
            guard index < end else { return .general }
            let field = fields[slot]
            switch field.kind {
            case .bool:
                if JSONScan.literal(bytes, &index, "true") {
                    words[field.input] = FlatWord(bits: 1)
                } else if JSONScan.literal(bytes, &index, "false") {
                    words[field.input] = FlatWord(bits: 0)
                } else {
                    return .general
                }
            case .integer:
                guard let value = JSONScan.wholeNumber(bytes, &index), value >= field.low, value <= field.high else { return .general }
                words[field.input] = FlatWord(bits: value)
            case .date:
                guard let text = JSONScan.plainString(bytes, &index), let packed = DigitReader.date(bytes, text.lowerBound, text.upperBound) else {
                    return .general
                }
                words[field.input] = FlatWord(bits: Int64(packed))
            case .enumeration:
                guard let text = JSONScan.plainString(bytes, &index),
                      let found = FlatRecordDecoder.caseIndex(bytes, text, names: UnsafeBufferPointer(names), bounds: UnsafeBufferPointer(caseBounds),
                                                              first: field.firstCase, count: field.caseCount) else { return .general }
                words[field.input] = FlatWord(bits: Int64(found))
            case .id:
                guard let text = JSONScan.plainString(bytes, &index) else { return .general }
                for offset in text where bytes[offset] >= 0x7F { return .general }
                id = text
            case .text:
                guard JSONScan.plainString(bytes, &index) != nil else { return .general }
            case .general:
                return .general
            }
            JSONScan.skipWhitespace(bytes, &index)
            guard index < end else { return .general }
            if bytes[index] == 44 {
                index += 1
                JSONScan.skipWhitespace(bytes, &index)
                continue
            }
            guard bytes[index] == 125 else { return .general }
            break
        }
        return seen & required == required ? .facts(id: id) : .general
    }

    /// The input named by `bytes[key]`, looking first after the last one found.
    @inline(__always)
    package func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Range<Int>) -> Int? {
        let count = fields.count
        var slot = hint
        for _ in 0..<count {
            let field = fields[slot]
            if field.nameCount == key.count {
                if memcmp(names.baseAddress! + field.nameStart, bytes.baseAddress! + key.lowerBound, key.count) == 0 {
                    hint = slot + 1 == count ? 0 : slot + 1
                    return slot
                }
            }
            slot = slot + 1 == count ? 0 : slot + 1
        }
        return nil
    }
}
