import Foundation
import PolicyModel
import PolicyCheck
import PolicySyntax
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyRuntime

/// A file of test cases kept beside the policies (`policies/tests/*.yaml`): facts, a date
/// and the decisions expected, so an edit that changes more than meant is caught.
///
/// ```yaml
/// policy: ../anqing.yaml
/// as_of: 2025-11-24
/// base: {birth_date: 1950-01-01, residence: urban, …}   # shared by every case
/// cases:
///   - name: 城镇三无老人满70周岁当天
///     facts: {birth_date: 1955-11-24, no_income_source: true}
///     expect: {service_tier: free}
/// ```
public struct PolicyTestFile: Sendable {
    /// One case: facts (over the base), a date, and the expected decisions or error.
    public struct Case: Sendable {
        public let name: String
        public let asOf: CivilDate
        package let facts: [YAMLEntry]
        package let expect: [YAMLEntry]
        /// The field an invalid-facts error must name, or `error` kind expected.
        public let expectError: String?
        public let span: SourceSpan
    }

    public let path: String
    public let policyPath: String
    package let base: [YAMLEntry]
    public let cases: [Case]
    public let text: String

    package static let fileKeys = ["policy", "as_of", "base", "cases"]
    package static let caseKeys = ["name", "as_of", "facts", "expect", "expect_error", "note"]

    public static func load(path: String) throws(PolicyLoadError) -> PolicyTestFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PolicyLoadError(diagnostics: DiagnosticList([.error(.test(.cannotReadTestFile(path)), at: nil)]), sources: [:])
        }
        do {
            return try parse(text, path: path)
        } catch {
            throw PolicyLoadError(diagnostics: error, sources: [path: text])
        }
    }

    package static func parse(_ text: String, path: String) throws(DiagnosticList) -> PolicyTestFile {
        let root = try YAMLReader().read(text, file: path)
        var diagnostics = DiagnosticList()
        guard case .mapping(let entries, let span) = root else {
            throw DiagnosticList([.error(.test(.testFileShape), at: root.span)])
        }
        for entry in entries where !fileKeys.contains(entry.key) {
            diagnostics.append(.error(.test(.unknownFileField(entry.key)), at: entry.keySpan,
                                      help: NameSuggestion.help(for: entry.key, in: fileKeys, kind: .fields).map { .test(.suggestion($0)) }))
        }
        func value(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
        guard case .scalar(let policy)? = value("policy") else {
            throw DiagnosticList([.error(.test(.testFileNeedsPolicy), at: span)])
        }
        var defaultDate: CivilDate?
        if case .scalar(let date)? = value("as_of") {
            defaultDate = CivilDate(date.text)
            if defaultDate == nil { diagnostics.append(.error(.test(.notADate(date.text)), at: date.span, help: .test(.writeDate))) }
        }
        var base: [YAMLEntry] = []
        if let node = value("base") {
            guard case .mapping(let baseEntries, _) = node else { throw DiagnosticList([.error(.test(.baseShape), at: node.span)]) }
            base = baseEntries
        }
        guard case .sequence(let items, _)? = value("cases") else {
            throw DiagnosticList([.error(.test(.testFileNeedsCases), at: span)])
        }
        var cases: [Case] = []
        for item in items {
            guard case .mapping(let fields, let caseSpan) = item else {
                diagnostics.append(.error(.test(.caseShape), at: item.span))
                continue
            }
            for field in fields where !caseKeys.contains(field.key) {
                diagnostics.append(.error(.test(.unknownCaseField(field.key)), at: field.keySpan,
                                          help: NameSuggestion.help(for: field.key, in: caseKeys, kind: .fields).map { .test(.suggestion($0)) }))
            }
            func field(_ key: String) -> YAMLNode? { fields.first { $0.key == key }?.value }
            guard case .scalar(let name)? = field("name") else {
                diagnostics.append(.error(.test(.caseWithoutName), at: caseSpan))
                continue
            }
            var date = defaultDate
            if case .scalar(let text)? = field("as_of") {
                date = CivilDate(text.text)
                if date == nil { diagnostics.append(.error(.test(.notADate(text.text)), at: text.span, help: .test(.writeDate))) }
            }
            guard let date else {
                diagnostics.append(.error(.test(.caseWithoutDate(name.text)), at: caseSpan))
                continue
            }
            var facts: [YAMLEntry] = []
            if case .mapping(let factEntries, _)? = field("facts") { facts = factEntries }
            var expect: [YAMLEntry] = []
            if case .mapping(let expectEntries, _)? = field("expect") { expect = expectEntries }
            var expectError: String?
            if case .scalar(let error)? = field("expect_error") { expectError = error.text }
            if expect.isEmpty && expectError == nil {
                diagnostics.append(.error(.test(.caseExpectsNothing(name.text)), at: caseSpan, help: .test(.giveExpectOrError)))
            }
            cases.append(Case(name: name.text, asOf: date, facts: facts, expect: expect, expectError: expectError, span: caseSpan))
        }
        if diagnostics.hasErrors { throw diagnostics }
        let directory = (path as NSString).deletingLastPathComponent
        let policyPath = PolicyLoader.normalize(directory.isEmpty ? policy.text : directory + "/" + policy.text)
        // The policy under test is held to the same policy directory as an `include`.
        if let refusal = PolicyDirectory.enclosing(path).refusal(of: Located(policy.text, policy.span), keyword: "policy", resolved: policyPath) {
            throw DiagnosticList([refusal])
        }
        return PolicyTestFile(path: path, policyPath: policyPath, base: base, cases: cases, text: text)
    }
}

