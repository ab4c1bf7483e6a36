import PolicyCompiler
import PolicyModel
import PolicySyntax
import PolicyCheck
import PolicyAnalysis
import RecordFormats
import PolicyRuntime

/// Declarations in shared files (an included vocabulary, the base of a variant) are
/// unused only when no policy that declares them reads them, and at least two policies
/// checked together declare them: each policy on its own leaves most of a shared
/// vocabulary unread, on purpose.
package struct SharedDeclarations: Sendable {
    package struct Entry: Sendable {
        package var finding: PolicyFinding?
        package var declaredBy = 0
        package var unusedBy = 0
    }

    package var entries: [String: Entry] = [:]
    package var order: [String] = []

    package init() {}

    /// Splits `findings` of `policy`: unused declarations of shared files are kept here to
    /// be judged across all policies; everything else is returned.
    package mutating func record(_ findings: [PolicyFinding], of policy: CheckedPolicy) -> [PolicyFinding] {
        let file = policy.metadata.file
        var shared: [String: PolicyFinding] = [:]
        for finding in findings where Self.isUnused(finding) && finding.diagnostic.span?.file != file {
            shared[Self.key(finding)] = finding
        }
        let declarations: [(String, SourceSpan)] = policy.inputs.map { ("input \($0.name)", $0.span) }
            + policy.parameters.map { ("parameter \($0.name)", $0.span) } + policy.definitions.map { ("definition \($0.name)", $0.span) }
        for (name, span) in declarations where span.file != file {
            let key = "\(name) \(span)"
            if entries[key] == nil {
                entries[key] = Entry()
                order.append(key)
            }
            entries[key]!.declaredBy += 1
            if let finding = shared[key] {
                entries[key]!.unusedBy += 1
                if entries[key]!.finding == nil { entries[key]!.finding = finding }
            }
        }
        return findings.filter { !(Self.isUnused($0) && $0.diagnostic.span?.file != file) }
    }

    /// The shared declarations no policy recorded reads.
    package func unusedEverywhere(policyCount: Int) -> [PolicyFinding] {
        order.compactMap { key in
            // One policy alone says nothing about a vocabulary shared with others it was not checked with.
            guard let entry = entries[key], entry.declaredBy >= 2, entry.unusedBy == entry.declaredBy, let finding = entry.finding else { return nil }
            let diagnostic = finding.diagnostic
            guard case .finding(.unused(let what, let name, let label, _)) = diagnostic.message else { return finding }
            return finding.with(diagnostic.with(message: .finding(.unused(what, name: name, label: label, inPolicies: entry.declaredBy))))
        }
    }

    package static func isUnused(_ finding: PolicyFinding) -> Bool {
        [.unusedInput, .unusedParameter, .unusedDefinition].contains(finding.kind)
    }

    package static func key(_ finding: PolicyFinding) -> String {
        let kind = finding.kind == .unusedInput ? "input" : (finding.kind == .unusedParameter ? "parameter" : "definition")
        return "\(kind) \(finding.name ?? "") \(finding.diagnostic.span.map(\.description) ?? "")"
    }
}
