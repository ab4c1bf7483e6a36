#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel
import PolicyRuntime

/// The elders a run judges, in the order given, found by `id` — from a `String` or straight
/// from the bytes of a record line (an open-addressing table over the ids' UTF-8 bytes, so
/// the fast reader makes no string).
///
/// ```swift
/// let roster = try ElderRoster(elders: [(line: 2, facts: facts)], policy: policy)
/// roster.index(of: "e1")   // 0
/// ```
package final class ElderRoster: @unchecked Sendable {
    /// One elder: where it was read, its id, facts and group (a village).
    package struct Elder: Sendable {
        package let line: Int
        package let id: String
        package let facts: Facts
        package let group: String?
    }

    package let elders: [Elder]
    let indices: [String: Int]
    /// Slot → elder index + 1 (0: empty). The table has a power-of-two size.
    let slots: [Int32]
    let ids: [[UInt8]]
    let mask: Int

    /// `place` names where an elder was given in an error: `line` in a file, `elder` in a request.
    package init(elders input: [(line: Int, facts: Facts)], policy: CheckedPolicy, place: String = "line") throws(ComplianceError) {
        let grouping = policy.compliance?.grouping
        var elders: [Elder] = []
        var indices: [String: Int] = [:]
        for (line, facts) in input {
            guard let id = facts.id, !id.isEmpty else { throw ComplianceError("\(place) \(line): the elder has no `id`; records name elders by id", kind: .invalidInput) }
            if let earlier = indices[id] { throw ComplianceError("\(place) \(line): the elder `\(id)` was already given \(place == "line" ? "on line" : "as \(place)") \(elders[earlier].line)", kind: .invalidInput) }
            indices[id] = elders.count
            var group: String?
            if let grouping, grouping.input < facts.values.count {
                switch (facts.values[grouping.input], policy.inputs[grouping.input].type) {
                case (.string(let text), _): group = text
                case (.enumCase(let index), .enumeration(let type)) where index < type.cases.count: group = type.cases[index]
                default: group = nil
                }
            }
            elders.append(Elder(line: line, id: id, facts: facts, group: group))
        }
        self.elders = elders
        self.indices = indices
        var size = 16
        while size < elders.count * 2 { size <<= 1 }
        mask = size - 1
        var slots = [Int32](repeating: 0, count: size)
        ids = elders.map { Array($0.id.utf8) }
        for (index, id) in ids.enumerated() {
            var slot = id.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    package var count: Int { elders.count }

    package func index(of id: String) -> Int? { indices[id] }

    /// The elder whose id is exactly these bytes.
    @inline(__always)
    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var slot = Self.hash(bytes) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                let id = ids[entry - 1]
                if id.count == bytes.count, id.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                    return entry - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }
}
