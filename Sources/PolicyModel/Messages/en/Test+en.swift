extension TestMessage {
    public var en: String {
        let code = Written.code
        switch self {
        case .suggestion(let suggestion): return suggestion.en
        case .cannotReadTestFile(let path): return "cannot read test file \(code(path))"
        case .testFileShape: return "a test file must be a mapping with `policy` and `cases`"
        case .unknownFileField(let key): return "unknown field \(code(key)) in the test file"
        case .testFileNeedsPolicy: return "the test file must name its `policy:` (a path relative to the test file)"
        case .notADate(let text): return "\(code(text)) is not a date"
        case .writeDate: return "write YYYY-MM-DD"
        case .baseShape: return "`base` must be a mapping of facts"
        case .testFileNeedsCases: return "the test file needs `cases:`, a list of cases"
        case .caseShape: return "each case must be a mapping with `name`, `facts` and `expect`"
        case .unknownCaseField(let key): return "unknown field \(code(key)) in a case"
        case .caseWithoutName: return "a case has no `name`"
        case .caseWithoutDate(let name): return "case \(code(name)) has no `as_of` date (and the file gives none)"
        case .caseExpectsNothing(let name): return "case \(code(name)) expects nothing"
        case .giveExpectOrError: return "give `expect:` decisions or `expect_error:` a field name"
        }
    }
}
