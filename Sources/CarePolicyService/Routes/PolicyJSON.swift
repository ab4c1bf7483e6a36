import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// How policies, their inputs and decisions, and load attempts are written in responses.
enum PolicyJSON {
    static func summary(_ served: ServedPolicy) -> JSONText.Node {
        let metadata = served.metadata
        var entries: [(String, JSONText.Node)] = [
            ("id", .string(metadata.id)),
            ("title", .string(metadata.title)),
        ]
        if let english = metadata.titleEnglish { entries.append(("title_en", .string(english))) }
        entries.append(("version", .string(metadata.version)))
        entries.append(("effective_from", metadata.effectiveFrom.map { .string($0.description) } ?? .null))
        entries.append(("effective_until", metadata.effectiveUntil.map { .string($0.description) } ?? .null))
        entries.append(("hash", .string(metadata.contentHash)))
        entries.append(("file", .string(metadata.file)))
        entries.append(("loaded_at", .string(UTCTimestamp.text(served.loadedAt))))
        return .object(entries)
    }

    /// A what-if variant in the list: the summary, the policy it extends, and whether the
    /// evaluation endpoints answer for it (`--serve-variants`).
    static func variantSummary(_ served: ServedPolicy, evaluated: Bool) -> JSONText.Node {
        guard case .object(var entries) = summary(served) else { return .null }
        entries.append(("extends", served.metadata.extends.map(JSONText.Node.string) ?? .null))
        entries.append(("evaluated", .bool(evaluated)))
        return .object(entries)
    }

    static func detail(_ served: ServedPolicy) -> JSONText.Node {
        let checked = served.policy.checked
        let metadata = served.metadata
        guard case .object(var entries) = summary(served) else { return .null }
        entries.append(("sources", .array(metadata.sources.map { .string($0) })))
        if let base = metadata.extends { entries.append(("extends", .string(base))) }
        entries.append(("variant", .bool(served.isVariant)))
        entries.append(("inputs", .array(checked.inputs.map(input))))
        entries.append(("decisions", .array(checked.publicDecisionIndices.map { decision(checked.decisions[$0]) })))
        return .object(entries)
    }

    static func input(_ input: InputDeclaration) -> JSONText.Node {
        var entries: [(String, JSONText.Node)] = [
            ("name", .string(input.name)),
            ("label", .string(input.label)),
        ]
        if let english = input.labelEnglish { entries.append(("label_en", .string(english))) }
        entries.append(("type", type(input.type)))
        entries.append(("required", .bool(input.defaultValue == nil)))
        if let value = input.defaultValue { entries.append(("default", JSONText.value(value, type: input.type))) }
        if let value = input.minimum { entries.append(("minimum", JSONText.value(value, type: input.type))) }
        if let value = input.maximum { entries.append(("maximum", JSONText.value(value, type: input.type))) }
        if input.notAfterEvaluationDate { entries.append(("not_after", .string("evaluation_date"))) }
        return .object(entries)
    }

    static func decision(_ decision: DecisionDeclaration) -> JSONText.Node {
        var entries: [(String, JSONText.Node)] = [
            ("name", .string(decision.name)),
            ("label", .string(decision.label)),
            ("type", type(decision.type)),
        ]
        switch decision.body {
        case .table(let table): entries.append(("kind", .string("table"))); entries.append(("hit_policy", .string(table.hitPolicy.rawValue)))
        case .formula: entries.append(("kind", .string("formula")))
        case .apportionment: entries.append(("kind", .string("apportionment")))
        }
        if let source = decision.provenance.source { entries.append(("source", .string(source))) }
        entries.append(("rules", .array(decision.rules.map { rule in
            var fields: [(String, JSONText.Node)] = [("id", .string(rule.id)), ("reason", .string(rule.reason))]
            if let source = rule.provenance.source { fields.append(("source", .string(source))) }
            if let note = rule.provenance.note { fields.append(("note", .string(note))) }
            return .object(fields)
        })))
        return .object(entries)
    }

    /// `{"name": "enum", "values": [{"value", "label"}]}`, `{"name": "list", "of": …}`, `{"name": "integer"}`.
    static func type(_ type: ValueType) -> JSONText.Node {
        switch type {
        case .bool: return .object([("name", .string("bool"))])
        case .integer: return .object([("name", .string("integer"))])
        case .decimal: return .object([("name", .string("decimal"))])
        case .string: return .object([("name", .string("string"))])
        case .date: return .object([("name", .string("date"))])
        case .enumeration(let enumType):
            let values: [JSONText.Node] = enumType.cases.indices.map { index in
                var fields: [(String, JSONText.Node)] = [("value", .string(enumType.cases[index]))]
                if let label = enumType.labels[index] { fields.append(("label", .string(label))) }
                return .object(fields)
            }
            return .object([("name", .string("enum")), ("values", .array(values))])
        case .list(let element): return .object([("name", .string("list")), ("of", self.type(element))])
        case .record(let record):
            return .object([("name", .string("record")), ("fields", .array(record.fields.map { field in
                .object([("name", .string(field.name)), ("type", self.type(field.type))])
            }))])
        }
    }

    static func attempt(_ attempt: LoadAttempt, language: Language) -> JSONText.Node {
        .object([
            ("outcome", .string(attempt.outcome.rawValue)),
            ("file", .string(attempt.file)),
            ("at", .string(UTCTimestamp.text(attempt.at))),
            ("file_sha256", attempt.hash.map { .string($0) } ?? .null),
            ("diagnostics", .array(attempt.diagnostics.map { diagnostic($0, language: language) })),
        ])
    }

    static func pending(_ change: PendingChange) -> JSONText.Node {
        .object([
            ("file", .string(change.file)),
            ("file_sha256", change.hash.map { .string($0) } ?? .null),
            ("since", .string(UTCTimestamp.text(change.since))),
            ("waiting_for", .string(change.waitingFor)),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic, language: Language = .standard) -> JSONText.Node {
        var entries: [(String, JSONText.Node)] = [("severity", .string(diagnostic.severity.rawValue)), ("message", .string(diagnostic.text(language)))]
        if let span = diagnostic.span {
            entries.append(("file", .string(span.file)))
            entries.append(("line", .integer(Int64(span.line))))
            entries.append(("column", .integer(Int64(span.column))))
        }
        if let help = diagnostic.helpText(language) { entries.append(("help", .string(help))) }
        if !diagnostic.affectedFiles.isEmpty { entries.append(("affected_files", .array(diagnostic.affectedFiles.map { .string($0) }))) }
        return .object(entries)
    }
}
