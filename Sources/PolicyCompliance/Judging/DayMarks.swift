/// For each elder and requirement, which days of the period have a counted record: one
/// bit a day. Records may come in any order and a day counts once however many records
/// it has, so a window's count is the number of bits set in its days. The memory is
/// elders × requirements × days / 8 bytes, whatever the number of records.
///
/// ```swift
/// let marks = DayMarks(elders: 2, requirements: 3, days: 365)
/// marks.mark(elder: 1, requirements: 0b101, day: 40)
/// marks.count(elder: 1, requirement: 2, first: 35, last: 41)   // 1
/// ```
package final class DayMarks: @unchecked Sendable {
    package let elders: Int
    package let requirements: Int
    package let days: Int
    /// Words per (elder, requirement) row.
    let width: Int
    let bits: UnsafeMutableBufferPointer<UInt64>

    package init(elders: Int, requirements: Int, days: Int) {
        self.elders = elders
        self.requirements = requirements
        self.days = days
        width = (days + 63) / 64
        bits = .allocate(capacity: max(1, elders * requirements * width))
        bits.initialize(repeating: 0)
    }

    deinit { bits.deallocate() }

    /// Marks `day` (an offset in the period) for each requirement whose bit is set in `requirementBits`.
    @inline(__always)
    package func mark(elder: Int, requirements requirementBits: UInt64, day: Int) {
        var remaining = requirementBits
        let word = day >> 6, bit = UInt64(1) << UInt64(day & 63)
        let base = elder * requirements
        while remaining != 0 {
            let requirement = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            bits[(base + requirement) * width + word] |= bit
        }
    }

    /// Adds another set of marks (another worker's) to these.
    package func merge(_ other: DayMarks) {
        for index in 0..<min(bits.count, other.bits.count) { bits[index] |= other.bits[index] }
    }

    /// The number of marked days from `first` to `last` (offsets, both included).
    package func count(elder: Int, requirement: Int, first: Int, last: Int) -> Int {
        guard first <= last else { return 0 }
        let row = (elder * requirements + requirement) * width
        let firstWord = first >> 6, lastWord = last >> 6
        var total = 0
        for word in firstWord...lastWord {
            var value = bits[row + word]
            if word == firstWord { value &= ~0 << UInt64(first & 63) }
            if word == lastWord, last & 63 != 63 { value &= (UInt64(1) << UInt64((last & 63) + 1)) - 1 }
            total += value.nonzeroBitCount
        }
        return total
    }
}
