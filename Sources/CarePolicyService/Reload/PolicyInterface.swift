import CarePolicy
import Foundation
import PolicyModel

/// The names other systems depend on (the brief, section 5: names are the product's
/// interface): a served policy's public decisions and the inputs it accepts. A new text
/// of the policy that drops one of them under the same `version` is refused on reload
/// and on upload; a new `version` publishes the change on purpose.
///
/// ```swift
/// if let refusal = PolicyInterface.refusal(replacing: served.policy, with: loaded) { … refuse, keep serving … }
/// ```
package struct PolicyInterface: Equatable {
    /// Public decision names, in file order.
    package let decisions: [String]
    /// Input names, in file order.
    package let inputs: [String]

    package init(_ policy: LoadedPolicy) {
        let checked = policy.checked
        decisions = checked.publicDecisionIndices.map { checked.decisions[$0].name }
        inputs = checked.inputs.map(\.name)
    }

    /// Why `next` may not replace `served`: nil when it keeps every name, or when its
    /// version differs. Located at `next`'s `version:` line when there is one.
    package static func refusal(replacing served: LoadedPolicy, with next: LoadedPolicy) -> Diagnostic? {
        guard served.metadata.version == next.metadata.version else { return nil }
        let before = PolicyInterface(served), after = PolicyInterface(next)
        let decisions = before.decisions.filter { !after.decisions.contains($0) }
        let inputs = before.inputs.filter { !after.inputs.contains($0) }
        if decisions.isEmpty && inputs.isEmpty { return nil }
        return .error(.check(.dropsNames(id: next.metadata.id, decisions: decisions, inputs: inputs, version: served.metadata.version)),
                      at: versionLine(of: next), help: .check(.keepNamesOrNewVersion))
    }

    static func names(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }

    /// The place of `version:` in the policy's own file (the first place that sets it,
    /// in a block or a flow mapping).
    static func versionLine(of policy: LoadedPolicy) -> SourceSpan? {
        let file = policy.metadata.file
        guard let text = policy.sources[file] else { return nil }
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.drop(while: { $0 == " " }).hasPrefix("#") { continue }
            var search = line.startIndex
            while let found = line[search...].range(of: "version:") {
                let before = found.lowerBound == line.startIndex ? nil : line[line.index(before: found.lowerBound)]
                if before == nil || before == " " || before == "{" || before == "," {
                    let column = line.unicodeScalars[..<found.lowerBound].count + 1
                    return SourceSpan(file: file, line: number, column: column, length: "version".count)
                }
                search = found.upperBound
            }
        }
        return nil
    }
}
