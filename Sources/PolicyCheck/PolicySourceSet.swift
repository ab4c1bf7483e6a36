import PolicyModel
import PolicySyntax

/// A policy file with everything it reads: the files it includes and, for a variant,
/// the policy it extends (itself loaded the same way).
public struct PolicySourceSet: Sendable {
    public let file: PolicyFile
    /// Fragments named by `include`, each once, in the order first named.
    public let includes: [PolicyFile]
    /// The policy this one extends.
    public let base: Box?

    /// A reference so the set can hold its base recursively.
    public final class Box: Sendable {
        public let set: PolicySourceSet
        init(_ set: PolicySourceSet) { self.set = set }
    }

    /// Every file's text by path, for rendering diagnostics with source lines.
    public var texts: [String: String] {
        var result = [file.path: file.text]
        for include in includes { result[include.path] = include.text }
        if let base { result.merge(base.set.texts) { first, _ in first } }
        return result
    }

    /// The texts that make up the policy, in a fixed order, for its content hash.
    public var hashedTexts: [String] {
        (base?.set.hashedTexts ?? []) + includes.map(\.text) + [file.text]
    }
}
