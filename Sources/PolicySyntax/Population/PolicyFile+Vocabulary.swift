import PolicyModel

extension PolicyFile {
    /// A policy made only of `include: [fragment]`, written at `path`: how a fragment's
    /// declarations (a shared vocabulary) are checked on their own, for a file such as a
    /// population description that names it.
    package static func including(_ fragment: Located<String>, path: String, text: String) -> PolicyFile {
        let name = Located("vocabulary", fragment.span)
        let header = PolicyHeaderSyntax(id: name, title: name, titleEnglish: nil, version: Located("", fragment.span),
                                        effectiveFrom: nil, effectiveUntil: nil, sources: [], span: fragment.span)
        return PolicyFile(path: path, text: text, header: header, extends: nil, includes: [fragment], inputs: [], parameters: [],
                          definitions: [], decisions: [], ledger: nil, approval: nil, programs: [], compliance: nil)
    }
}
