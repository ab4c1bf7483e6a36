/// Words every kind of message shares: the severities, the help label, suggestions of a
/// name, and the files a problem in a shared file affects.
public enum CommonMessage: MessageCatalogue {
    /// `error`, `warning`, `note` as a diagnostic's label.
    case severity(Diagnostic.Severity)
    /// The label of a help line.
    case helpLabel
    /// A name the user may have meant, or the names there are.
    case suggestion(Suggestion)
    /// The files that include or extend the file with the problem.
    case affectedFiles([String])
    /// A message with file paths in it rewritten (`from[i]` → `to[i]`, in order): a
    /// temporary copy's paths shown as the names the user gave.
    indirect case renamingPaths(Message, from: [String], to: [String])
}

/// The help given for a misspelt name: the closest known name, or all of them when they are few.
public enum Suggestion: Sendable, Hashable {
    /// `did you mean `ability_level`?`
    case didYouMean(String)
    /// `the fields here are: `id`, `title``
    case candidates(NameKind, [String])

    /// What kind of names are listed.
    public enum NameKind: Sendable, Hashable {
        case fieldsHere, fields, textFields, decisions, payers, dateFacts, recordKinds, festivals, parameters, facts, functions, inputs, ruleIDs,
             eventTypes, accounts
    }
}
