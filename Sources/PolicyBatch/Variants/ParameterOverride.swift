import Crypto
import Foundation
import PolicyCompiler
import CarePolicy
import PolicyModel
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A parameter's value changed from the command line, without writing a variant file:
/// `hourly_rate_cny=10.00` (the value in force at all times) or
/// `hourly_rate_cny=10.00@2026-01-01` (the timeline kept before that date, the new value
/// from it on). The parameters linked to it (`same_as:`) move with it; a linked parameter
/// set itself is no longer linked.
///
/// ```swift
/// let raised = try policy.overriding([ParameterOverride("hourly_rate_cny=10.00@2026-01-01")])
/// ```
package struct ParameterOverride: Sendable, Hashable, CustomStringConvertible {
    package let name: String
    package let value: String
    package let from: CivilDate?

    /// Parses `name=value` or `name=value@YYYY-MM-DD`.
    package init(_ argument: String) throws(OverrideError) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw OverrideError("`--set \(argument)`: write name=value, e.g. --set hourly_rate_cny=10.00 (or name=value@YYYY-MM-DD from a date on)")
        }
        name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        var rest = String(argument[argument.index(after: equals)...])
        if let at = rest.lastIndex(of: "@") {
            let dateText = String(rest[rest.index(after: at)...])
            guard let date = CivilDate(dateText) else {
                throw OverrideError("`--set \(argument)`: `\(dateText)` is not a date; write name=value@YYYY-MM-DD")
            }
            from = date
            rest = String(rest[..<at])
        } else {
            from = nil
        }
        value = rest.trimmingCharacters(in: .whitespaces)
    }

    package var description: String { "\(name)=\(value)" + (from.map { "@\($0)" } ?? "") }
}

/// An override that names no parameter of the policy, or gives a value of the wrong type.
package struct OverrideError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

extension LoadedPolicy {
    /// The same policy with parameters changed, checked and compiled again. Its version
    /// names the overrides (`2026.1 --set hourly_rate_cny=10.00`) and its hash covers them.
    package func overriding(_ overrides: [ParameterOverride]) throws(OverrideError) -> LoadedPolicy {
        guard !overrides.isEmpty else { return self }
        let policy = checked
        var parameters = policy.parameters
        for override in overrides {
            guard let index = policy.parameterIndex(named: override.name) else {
                let names = policy.parameters.map(\.name)
                let hint = (NameSuggestion.closest(to: override.name, in: names) ?? names.first { $0.hasPrefix(override.name) }).map { "did you mean `\($0)`? " } ?? ""
                throw OverrideError("`--set \(override)`: policy `\(policy.metadata.id)` has no parameter `\(override.name)`; \(hint)its parameters are: \(names.joined(separator: ", "))")
            }
            let parameter = parameters[index]
            let value = try LoadedPolicy.value(override, type: parameter.type)
            let span = SourceSpan(file: "--set", line: 0, column: 0)
            let period = ParameterDeclaration.Period(from: override.from ?? CivilDate(year: 1, month: 1, day: 1)!, value: value,
                                                     provenance: Provenance(source: "--set \(override)", note: "command-line override"), span: span)
            let kept = override.from.map { from in parameter.timeline.filter { $0.from < from } } ?? []
            // Setting a linked parameter cuts its link; the parameters linked to this one follow it.
            parameters[index] = parameter.with(timeline: kept + [period], sameAs: nil)
            parameters = ParameterLinks.resolve(parameters)
        }
        let text = overrides.map { "--set \($0)" }.joined(separator: " ")
        var hasher = SHA256()
        hasher.update(data: Data((policy.metadata.contentHash + "\n" + text).utf8))
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let metadata = PolicyMetadata(id: policy.metadata.id, title: policy.metadata.title, titleEnglish: policy.metadata.titleEnglish,
                                      version: policy.metadata.version + " " + text, effectiveFrom: policy.metadata.effectiveFrom,
                                      effectiveUntil: policy.metadata.effectiveUntil, sources: policy.metadata.sources,
                                      extends: policy.metadata.extends, file: policy.metadata.file, contentHash: hash)
        let changed = CheckedPolicy(metadata: metadata, inputs: policy.inputs, parameters: parameters,
                                    definitions: policy.definitions, decisions: policy.decisions, ledger: policy.ledger,
                                    approval: policy.approval, programs: policy.programs, compliance: policy.compliance)
        do {
            return LoadedPolicy(compiled: try PolicyCompiler.compile(changed), warnings: warnings, sources: sources)
        } catch {
            throw OverrideError("with \(text), policy `\(policy.metadata.id)` no longer compiles: \(error.description)")
        }
    }

    package static func value(_ override: ParameterOverride, type: ValueType) throws(OverrideError) -> Value {
        let text = override.value
        let value: Value?
        switch type {
        case .integer: value = Int64(text).map(Value.integer)
        case .decimal: value = ExactDecimal(text).map(Value.decimal)
        case .bool: value = text == "true" ? .bool(true) : (text == "false" ? .bool(false) : nil)
        case .date: value = CivilDate(text).map(Value.date)
        case .string: value = .string(text)
        case .enumeration(let enumType): value = enumType.index(of: text).map(Value.enumCase)
        case .list, .record:
            throw OverrideError("`--set \(override)`: `\(override.name)` is a parameter of type \(type); a list or record cannot be set from the command line; write a variant file")
        }
        guard let value else {
            throw OverrideError("`--set \(override)`: `\(override.name)` is a parameter of type \(type); expected \(FactsDecoder.expected(type)), found \"\(text)\"")
        }
        return value
    }
}
