import PolicyModel
import PolicySyntax

/// A policy file with everything it reads: the files it includes and, for a variant,
/// the policy it extends (itself loaded the same way).
package struct PolicySourceSet: Sendable {
    package let file: PolicyFile
    /// Fragments named by `include`, each once, in the order first named.
    package let includes: [PolicyFile]
    /// The policy this one extends.
    package let base: Box?

    /// A reference so the set can hold its base recursively.
    package final class Box: Sendable {
        package let set: PolicySourceSet
        init(_ set: PolicySourceSet) { self.set = set }
    }

    /// Every file's text by path, for rendering diagnostics with source lines.
    package var texts: [String: String] {
        var result = [file.path: file.text]
        for include in includes { result[include.path] = include.text }
        if let base { result.merge(base.set.texts) { first, _ in first } }
        return result
    }

    /// The texts that make up the policy, in a fixed order, for its content hash.
    package var hashedTexts: [String] {
        (base?.set.hashedTexts ?? []) + includes.map(\.text) + [file.text]
    }
}
