extension CommonMessage {
    public var en: String {
        switch self {
        case .severity(let severity): return severity.rawValue
        case .helpLabel: return "help"
        case .renamingPaths(let message, let from, let to): return CommonMessage.rename(message.text(.en), from: from, to: to)
        case .suggestion(let suggestion): return suggestion.en
        case .affectedFiles(let files):
            return "the problem also affects the \(files.count) file\(files.count == 1 ? "" : "s") that include\(files.count == 1 ? "s" : "") or extend\(files.count == 1 ? "s" : "") this one: \(files.joined(separator: ", "))"
        }
    }
}

extension Suggestion {
    var en: String {
        switch self {
        case .didYouMean(let name): return "did you mean \(Written.code(name))?"
        case .candidates(let kind, let names): return "the \(kind.en) are: \(Written.codes(names, ", "))"
        }
    }
}

extension Suggestion.NameKind {
    var en: String {
        switch self {
        case .fieldsHere: return "fields here"
        case .fields: return "fields"
        case .textFields: return "text fields"
        case .eventTypes: return "event types"
        case .accounts: return "accounts"
        case .decisions: return "decisions"
        case .payers: return "payers"
        case .dateFacts: return "date facts"
        case .recordKinds: return "record kinds"
        case .festivals: return "festivals"
        case .parameters: return "parameters"
        case .facts: return "facts"
        case .functions: return "functions"
        case .inputs: return "inputs"
        case .ruleIDs: return "rule ids"
        }
    }
}

extension CommonMessage {
    /// `text` with each `from[i]` replaced by `to[i]`, in order.
    static func rename(_ text: String, from: [String], to: [String]) -> String {
        zip(from, to).reduce(text) { $0.replacing($1.0, with: $1.1) }
    }
}
