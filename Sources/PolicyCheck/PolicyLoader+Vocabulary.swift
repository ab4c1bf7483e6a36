import PolicyModel
import PolicySyntax

extension PolicyLoader {
    /// The declarations a file such as a population description names as its
    /// vocabulary (`reference`, relative to `path`, as an `include` is): a whole policy
    /// is loaded as usual, a fragment as a policy that only includes it.
    /// The vocabulary must lie in the policy directory, as an include must.
    package mutating func load(vocabulary reference: Located<String>, namedIn path: String, text: String) throws(DiagnosticList) -> PolicySourceSet {
        var cache: [String: PolicyFile] = [:]
        let directory = self.directory ?? PolicyDirectory.enclosing(path)
        let target = resolve(reference.value, relativeTo: path)
        if let refusal = directory.refusal(of: reference, keyword: "vocabulary", resolved: target) { throw DiagnosticList([refusal]) }
        let file = try read(path: target, namedAt: reference.span, cache: &cache)
        if file.header != nil { return try load(path: target, namedAt: reference.span, chain: [path], in: directory, cache: &cache) }
        let wrapper = PolicyFile.including(reference, path: path, text: text)
        var diagnostics = DiagnosticList()
        var includes: [PolicyFile] = []
        var seen = Set<String>()
        collectIncludes(of: wrapper, into: &includes, seen: &seen, chain: [path], in: directory, cache: &cache, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw diagnostics }
        return PolicySourceSet(file: wrapper, includes: includes, base: nil)
    }
}
