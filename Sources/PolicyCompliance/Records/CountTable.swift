import PolicyModel
import PolicyRuntime

/// Which requirements count a record, worked out once for every combination of the
/// record kind's enum and bool fields, when every requirement's `counts` reads only those
/// fields and constants (`provider_kind in [caregiver, neighbour_volunteer] and kind ==
/// knock`). A record then costs one table look-up instead of evaluating each condition.
///
/// ```swift
/// let table = CountTable(kind: service, requirements: [(0, counts)], policy: policy, date: from, interpreter: interpreter)
/// table?.requirements(for: values)   // 0b1
/// ```
package struct CountTable: Sendable {
    /// The record slots of the enum and bool fields, and how many values each has.
    package let slots: [Int]
    package let cardinalities: [Int]
    /// The requirement bits of each combination, the first slot varying slowest.
    package let masks: [UInt64]

    static let largest = 4096

    /// Nil when a `counts` reads a text, number or date field, a parameter or the date, or
    /// the combinations are too many.
    package init?(kind: ComplianceRecordKind, requirements: [(index: Int, counts: Expression?)], policy: CheckedPolicy,
                  date: CivilDate, interpreter: ReferenceInterpreter) {
        var slots: [Int] = [], cardinalities: [Int] = []
        for (slot, field) in kind.fields.enumerated() {
            switch field.type {
            case .bool: slots.append(slot); cardinalities.append(2)
            case .enumeration(let type): slots.append(slot); cardinalities.append(type.cases.count)
            default: continue
            }
        }
        let discrete = Set(slots)
        for (_, counts) in requirements {
            var tabulable = true
            counts?.forEach { part in
                switch part {
                case .input(let slot): if !discrete.contains(slot) { tabulable = false }
                case .parameter, .evaluationDate, .definition, .decision: tabulable = false
                default: break
                }
            }
            if !tabulable { return nil }
        }
        let size = cardinalities.reduce(1) { $0 * $1 }
        guard size <= Self.largest else { return nil }
        var masks = [UInt64](repeating: 0, count: size)
        var values = kind.fields.map { _ in Value.string("") }
        let frame = EvaluationFrame(program: policy.program, inputs: values, parameters: policy.parameterValues(on: date), date: date, decisions: interpreter)
        for combination in 0..<size {
            var rest = combination
            for position in slots.indices.reversed() {
                let value = rest % cardinalities[position]
                rest /= cardinalities[position]
                values[slots[position]] = kind.fields[slots[position]].type == .bool ? .bool(value == 1) : .enumCase(value)
            }
            frame.reset(inputs: values, parameters: frame.parameters, date: date, decisions: interpreter)
            for (index, counts) in requirements {
                guard let counts else {
                    masks[combination] |= UInt64(1) << UInt64(index)
                    continue
                }
                guard let holds = try? counts.evaluateBool(in: frame) else { return nil }
                if holds { masks[combination] |= UInt64(1) << UInt64(index) }
            }
        }
        self.slots = slots
        self.cardinalities = cardinalities
        self.masks = masks
    }

    /// The combination's position in `masks` for the values of the discrete fields, in slot order.
    @inline(__always)
    package func position(_ discreteValues: (Int) -> Int) -> Int {
        var position = 0
        for index in slots.indices { position = position * cardinalities[index] + discreteValues(index) }
        return position
    }

    /// The requirement bits of a decoded record.
    package func requirements(for values: [Value]) -> UInt64 {
        masks[position { index in
            switch values[slots[index]] {
            case .bool(let flag): return flag ? 1 : 0
            case .enumCase(let case_): return case_
            default: return 0
            }
        }]
    }
}
