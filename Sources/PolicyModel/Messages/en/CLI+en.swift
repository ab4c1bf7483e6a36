extension CLIMessage {
    public var en: String {
        switch self {
        case .error(let message): return "error: \(message.text(.en))"
        case .noPolicyFiles(let paths): return "error: no policy files found in \(paths.joined(separator: ", "))"
        case .policyOK(let file, let id, let version, let decisions): return "\(file): ok (\(id) \(version), \(decisions) decisions)"
        case .checkSummary(let files, let ok, let failed, let warnings, let notes):
            let noteText = notes == 0 ? "" : ", \(notes) \(notes == 1 ? "note" : "notes")"
            return "checked \(files) \(files == 1 ? "policy" : "policies"): \(ok) ok, \(failed) with errors, \(warnings) \(warnings == 1 ? "warning" : "warnings")\(noteText)"
        case .example(let date, let json): return "   = example (as of \(date)): \(json)"
        }
    }
}
