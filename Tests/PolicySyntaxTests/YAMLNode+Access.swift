import TestSupport
import PolicyModel
import PolicySyntax

extension YAMLNode {
    /// The entries of a mapping; empty for anything else.
    var entries: [YAMLEntry] {
        if case .mapping(let entries, _) = self { return entries }
        return []
    }

    /// The items of a sequence; empty for anything else.
    var items: [YAMLNode] {
        if case .sequence(let items, _) = self { return items }
        return []
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    subscript(key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
}

/// Reads YAML text as `policy.yaml`, returning the node or the diagnostics.
enum ReadYAML {
    static let file = "policy.yaml"

    static func node(_ text: String, limits: YAMLReader.Limits = .init()) throws -> YAMLNode {
        var reader = YAMLReader()
        reader.limits = limits
        return try reader.read(text, file: file)
    }

    static func diagnostics(_ text: String, limits: YAMLReader.Limits = .init()) -> [ShownDiagnostic]? {
        var reader = YAMLReader()
        reader.limits = limits
        do {
            _ = try reader.read(text, file: file)
            return nil
        } catch {
            return error.en
        }
    }

    static func span(_ line: Int, _ column: Int, _ length: Int = 1) -> SourceSpan {
        SourceSpan(file: file, line: line, column: column, length: length)
    }
}
