import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Counts rows of fixed-width integer keys (a person's group and every compared
/// decision's words, before and after), remembering the order in which each key was
/// first seen and one flag per key. A population has few distinct outcomes, so a what-if
/// run counts keys per run of lines and tallies each distinct key once, weighted.
package struct SignatureCounter {
    package let width: Int
    /// Keys in the order first seen, `width` words each.
    private(set) var keys: [Int64] = []
    private(set) var counts: [Int] = []
    private(set) var flags: [Bool] = []
    /// Open addressing: entry number + 1, 0 for empty.
    private var slots: [Int32]
    private var mask: Int

    package init(width: Int) {
        self.width = width
        slots = Array(repeating: 0, count: 256)
        mask = 255
    }

    package var distinct: Int { counts.count }

    /// The entry of `key`, counted once more; a new key gets `flag()` as its flag.
    package mutating func count(_ key: UnsafePointer<Int64>, flag: () -> Bool) -> Int {
        var slot = Int(truncatingIfNeeded: SignatureCounter.hash(key, width: width)) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if matches(entry, key) {
                counts[entry] += 1
                return entry
            }
            slot = (slot + 1) & mask
        }
        let entry = counts.count
        keys.append(contentsOf: UnsafeBufferPointer(start: key, count: width))
        counts.append(1)
        flags.append(flag())
        slots[slot] = Int32(entry + 1)
        if counts.count * 2 > slots.count { grow() }
        return entry
    }

    @inline(__always)
    package static func hash(_ key: UnsafePointer<Int64>, width: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in 0..<width {
            hash = (hash ^ UInt64(bitPattern: key[index])) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
        }
        return hash
    }

    package func key(_ entry: Int) -> ArraySlice<Int64> { keys[(entry * width)..<((entry + 1) * width)] }

    private func matches(_ entry: Int, _ key: UnsafePointer<Int64>) -> Bool {
        keys.withUnsafeBufferPointer { keys in
            let base = entry * width
            for index in 0..<width where keys[base + index] != key[index] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<counts.count {
            let hash = keys.withUnsafeBufferPointer { SignatureCounter.hash($0.baseAddress! + entry * width, width: width) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }
}
