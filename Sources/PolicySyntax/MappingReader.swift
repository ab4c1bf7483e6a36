import PolicyModel

/// Reads one YAML mapping against the keys it may have: an unknown key is an error
/// with a did-you-mean, a missing required key an error at the mapping.
struct MappingReader {
    let entries: [YAMLEntry]
    let span: SourceSpan
    let context: SyntaxPlace

    /// Fails unless `node` is a mapping; reports unknown keys into `diagnostics`.
    init(_ node: YAMLNode, allowed: [String], context: SyntaxPlace, diagnostics: inout DiagnosticList) throws(DiagnosticList) {
        guard case .mapping(let entries, let span) = node else {
            throw DiagnosticList([.error(.notMapping(context, node.kind), at: node.span)])
        }
        self.entries = entries
        self.span = span
        self.context = context
        for entry in entries where !allowed.contains(entry.key) {
            diagnostics.append(.error(.unknownField(entry.key, in: context), at: entry.keySpan,
                                      help: NameSuggestion.help(for: entry.key, in: allowed, kind: .fieldsHere).map { .suggestion($0) }))
        }
    }

    func node(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
    func entry(_ key: String) -> YAMLEntry? { entries.first { $0.key == key } }

    func scalar(_ key: String, diagnostics: inout DiagnosticList) -> YAMLScalar? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(.notSingleValue(key, in: context, node.kind), at: node.span))
            return nil
        }
        return scalar
    }

    func text(_ key: String, diagnostics: inout DiagnosticList) -> String? {
        scalar(key, diagnostics: &diagnostics)?.text
    }

    func required(_ key: String, diagnostics: inout DiagnosticList, help: SyntaxMessage? = nil) -> YAMLScalar? {
        if node(key) == nil {
            diagnostics.append(.error(.missingField(context, key), at: span, help: help))
            return nil
        }
        return scalar(key, diagnostics: &diagnostics)
    }

    func bool(_ key: String, diagnostics: inout DiagnosticList) -> Bool? {
        guard let scalar = scalar(key, diagnostics: &diagnostics) else { return nil }
        switch scalar.text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(.notTrueOrFalse(key, found: scalar.text), at: scalar.span))
            return nil
        }
    }

    func provenance(diagnostics: inout DiagnosticList) -> ProvenanceSyntax {
        ProvenanceSyntax(source: text("source", diagnostics: &diagnostics), note: text("note", diagnostics: &diagnostics))
    }

    /// A list of single values; a single value is read as a list of one.
    func list(_ key: String, diagnostics: inout DiagnosticList) -> [YAMLScalar] {
        guard let node = node(key) else { return [] }
        switch node {
        case .scalar(let scalar): return [scalar]
        case .sequence(let items, _):
            return items.compactMap { item in
                if case .scalar(let scalar) = item { return scalar }
                diagnostics.append(.error(.listItemNotSingle(key), at: item.span))
                return nil
            }
        case .mapping:
            diagnostics.append(.error(.notList(key, node.kind), at: node.span))
            return []
        }
    }
}
