#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel
import RecordFormats

/// Reads the usual record line in place — a flat JSON object of plain strings and bools,
/// every declared field once, an enum value by name, a real date, a known elder — without
/// building a tree or a string, and counts it with the kind's `CountTable`. Anything else
/// (escapes, `null`, a repeated or missing field, a value not allowed, an unknown elder, a
/// `record` member) answers nil and goes the general way (`RecordCounter.count`), which
/// names what is wrong; the outcome is the same either way. One reader per thread.
///
/// ```swift
/// if let reader = RecordLineReader(counter) { outcome = reader.read(line) ?? counter.count(line: line) }
/// ```
package final class RecordLineReader {
    enum Kind {
        case elder, text, enumeration, date, bool
    }

    struct Field {
        let name: [UInt8]
        let kind: Kind
        /// For an enum: its cases' bytes.
        let cases: [[UInt8]]
        /// The field's position among the table's slots, or -1.
        let position: Int
    }

    let counter: RecordCounter
    let table: CountTable
    let fields: [Field]
    let allSeen: UInt64
    var discrete: [Int]
    static let recordKey = Array("record".utf8)

    /// Nil when the policy has several record kinds, a kind with a number field, or a
    /// `counts` that needs evaluating per record: then every line goes the general way.
    package init?(_ counter: RecordCounter) {
        guard counter.kinds.count == 1, let plan = counter.kinds.first, let table = plan.table, plan.kind.fields.count <= 64 else { return nil }
        var fields: [Field] = []
        for (slot, field) in plan.kind.fields.enumerated() {
            let position = table.slots.firstIndex(of: slot) ?? -1
            let name = Array(field.name.utf8)
            switch field.type {
            case .string: fields.append(Field(name: name, kind: slot == plan.kind.elderField ? .elder : .text, cases: [], position: position))
            case .date: fields.append(Field(name: name, kind: .date, cases: [], position: position))
            case .bool: fields.append(Field(name: name, kind: .bool, cases: [], position: position))
            case .enumeration(let type): fields.append(Field(name: name, kind: .enumeration, cases: type.cases.map { Array($0.utf8) }, position: position))
            default: return nil
            }
        }
        self.counter = counter
        self.table = table
        self.fields = fields
        allSeen = fields.count == 64 ? ~0 : (UInt64(1) << UInt64(fields.count)) - 1
        discrete = Array(repeating: 0, count: table.slots.count)
    }

    /// The outcome of the line, or nil to take the general way.
    package func read(_ line: UnsafeBufferPointer<UInt8>) -> RecordOutcome? {
        guard line.count > 1, let base = line.baseAddress else { return nil }
        var index = 0
        JSONScan.skipWhitespace(line, &index)
        guard index < line.count, line[index] == 123 else { return nil }
        index += 1
        var seen: UInt64 = 0
        var elder = -1
        var dayNumber = 0
        while true {
            JSONScan.skipWhitespace(line, &index)
            guard let key = JSONScan.plainString(line, &index) else { return nil }
            JSONScan.skipWhitespace(line, &index)
            guard index < line.count, line[index] == 58 else { return nil }
            index += 1
            JSONScan.skipWhitespace(line, &index)
            let keyPointer = base + key.lowerBound
            guard let slot = fields.firstIndex(where: { $0.name.count == key.count && memcmp($0.name, keyPointer, key.count) == 0 }) else {
                if key.count == Self.recordKey.count && memcmp(Self.recordKey, keyPointer, key.count) == 0 { return nil }
                guard JSONScan.skipValue(line, &index) else { return nil }
                guard let more = next(line, &index) else { return nil }
                if !more { break }
                continue
            }
            let bit = UInt64(1) << UInt64(slot)
            guard seen & bit == 0 else { return nil }
            seen |= bit
            let field = fields[slot]
            switch field.kind {
            case .bool:
                if JSONScan.literal(line, &index, "true") {
                    if field.position >= 0 { discrete[field.position] = 1 }
                } else if JSONScan.literal(line, &index, "false") {
                    if field.position >= 0 { discrete[field.position] = 0 }
                } else {
                    return nil
                }
            default:
                guard let value = JSONScan.plainString(line, &index) else { return nil }
                let pointer = base + value.lowerBound
                switch field.kind {
                case .elder:
                    guard let found = counter.roster.index(of: UnsafeBufferPointer(start: pointer, count: value.count)) else { return nil }
                    elder = found
                case .enumeration:
                    guard let found = field.cases.firstIndex(where: { $0.count == value.count && memcmp($0, pointer, value.count) == 0 }) else { return nil }
                    if field.position >= 0 { discrete[field.position] = found }
                case .date:
                    guard value.count == 10, let date = Self.date(UnsafeBufferPointer(start: pointer, count: 10)) else { return nil }
                    dayNumber = date.dayNumber
                default:
                    break
                }
            }
            guard let more = next(line, &index) else { return nil }
            if !more { break }
        }
        JSONScan.skipWhitespace(line, &index)
        guard index == line.count, seen == allSeen, elder >= 0 else { return nil }
        guard let day = counter.period.offset(ofDayNumber: dayNumber) else { return .ignored }
        let bits = table.masks[table.position { discrete[$0] }]
        return bits == 0 ? .ignored : .counted(elder: elder, day: day, requirements: bits)
    }

    /// After a member: true at `,` (another member follows), false at `}` (the object
    /// ends), nil at anything else.
    @inline(__always)
    func next(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool? {
        JSONScan.skipWhitespace(line, &index)
        guard index < line.count else { return nil }
        let byte = line[index]
        index += 1
        if byte == 44 { return true }
        return byte == 125 ? false : nil
    }

    /// `YYYY-MM-DD` that exists in the calendar.
    @inline(__always)
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes[4] == 45, bytes[7] == 45 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for position in range {
                let byte = bytes[position]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
