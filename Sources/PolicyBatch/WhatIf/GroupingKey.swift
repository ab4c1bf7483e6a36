import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The facts a what-if run breaks its totals down by (`--by residence,subsistence,age:10`):
/// inputs or definitions of the baseline that are bools, enums or integers. An integer may
/// be banded (`age:10` gives 60–69, 70–79, …).
package struct Grouping: Sendable {
    /// One fact of the breakdown.
    package struct Dimension: Sendable {
        package enum Source: Sendable {
            case input(Int)
            case definition(Int)
        }

        package let name: String
        package let label: String
        package let source: Source
        package let type: ValueType
        /// Band width for an integer (1: each value on its own).
        package let width: Int64
    }

    package let dimensions: [Dimension]

    package static let none = Grouping(dimensions: [])

    package init(dimensions: [Dimension]) { self.dimensions = dimensions }

    /// Parses `--by` names against the baseline policy.
    package init(_ names: [String], policy: CheckedPolicy) throws(RecordFileError) {
        guard names.count <= 3 else { throw RecordFileError("--by: at most three facts at once (got \(names.count))") }
        var dimensions: [Dimension] = []
        for spec in names {
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            let name = parts.first ?? spec
            var width: Int64 = 1
            if parts.count == 2 {
                guard let parsed = Int64(parts[1]), parsed >= 1 else {
                    throw RecordFileError("--by \(spec): the band width after `:` must be a whole number of 1 or more, e.g. age:10")
                }
                width = parsed
            }
            let source: Dimension.Source
            let type: ValueType
            let label: String
            if let slot = policy.inputIndex(named: name) {
                source = .input(slot)
                type = policy.inputs[slot].type
                label = policy.inputs[slot].label
            } else if let index = policy.definitions.firstIndex(where: { $0.name == name }) {
                source = .definition(index)
                type = policy.definitions[index].type
                label = policy.definitions[index].label
            } else {
                let names = policy.inputs.map(\.name) + policy.definitions.map(\.name)
                let hint = NameSuggestion.closest(to: name, in: names).map { "did you mean `\($0)`? " } ?? ""
                throw RecordFileError("--by \(spec): `\(name)` is not a fact or definition of policy `\(policy.metadata.id)`; \(hint)use one of: \(names.joined(separator: ", "))")
            }
            switch type {
            case .bool, .enumeration:
                if width != 1 { throw RecordFileError("--by \(spec): only an integer fact can be banded") }
            case .integer:
                break
            default:
                throw RecordFileError("--by \(spec): `\(name)` is a \(type); group by a bool, an enum or an integer (for a date of birth, use `age`)")
            }
            dimensions.append(Dimension(name: name, label: label, source: source, type: type, width: width))
        }
        self.dimensions = dimensions
    }

    /// A group's code for one dimension's value: an enum's case, a bool as 0/1, an integer's band.
    package static func code(_ value: Value, width: Int64) -> Int64 {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .enumCase(let index): return Int64(index)
        case .integer(let number): return number >= 0 ? number / width : -((-number + width - 1) / width)
        default: return 0
        }
    }

    /// How a dimension's code reads in the report (`urban`, `true`, `70–79`).
    package func text(of code: Int64, dimension: Dimension) -> String {
        switch dimension.type {
        case .bool: return code == 1 ? "true" : "false"
        case .enumeration(let enumType): return code >= 0 && Int(code) < enumType.cases.count ? enumType.cases[Int(code)] : "?"
        default:
            if dimension.width == 1 { return String(code) }
            return "\(code * dimension.width)–\(code * dimension.width + dimension.width - 1)"
        }
    }

    /// The Chinese label of a dimension's code, when the policy gives one (enum labels).
    package func label(of code: Int64, dimension: Dimension) -> String? {
        if case .enumeration(let enumType) = dimension.type, code >= 0, Int(code) < enumType.labels.count { return enumType.labels[Int(code)] }
        if case .bool = dimension.type { return code == 1 ? "是" : "否" }
        return nil
    }
}
