import Foundation
import PolicyModel
import PolicySyntax

/// Reads a policy file and every file it includes or extends, relative to the file
/// that names it; refuses cycles, missing files and files outside readable text.
package struct PolicyLoader {
    package init() {}

    package func load(path: String) throws(DiagnosticList) -> PolicySourceSet {
        var cache: [String: PolicyFile] = [:]
        return try load(path: path, namedAt: nil, chain: [], cache: &cache)
    }

    func load(path: String, namedAt: SourceSpan?, chain: [String], cache: inout [String: PolicyFile]) throws(DiagnosticList) -> PolicySourceSet {
        let file = try read(path: path, namedAt: namedAt, cache: &cache)
        var diagnostics = DiagnosticList()
        var includes: [PolicyFile] = []
        var seen = Set<String>()
        collectIncludes(of: file, into: &includes, seen: &seen, chain: [file.path], cache: &cache, diagnostics: &diagnostics)
        var base: PolicySourceSet.Box?
        if let extends = file.extends {
            let basePath = resolve(extends.value, relativeTo: file.path)
            if chain.contains(basePath) || basePath == file.path {
                diagnostics.append(.error("`extends` makes a cycle: \((chain + [file.path, basePath]).map { "`\($0)`" }.joined(separator: " → "))", at: extends.span,
                                          help: "a variant extends a policy that does not extend it back"))
            } else {
                do {
                    base = .init(try load(path: basePath, namedAt: extends.span, chain: chain + [file.path], cache: &cache))
                } catch {
                    diagnostics.append(contentsOf: error)
                }
            }
        }
        if diagnostics.hasErrors { throw diagnostics }
        return PolicySourceSet(file: file, includes: includes, base: base)
    }

    func collectIncludes(of file: PolicyFile, into includes: inout [PolicyFile], seen: inout Set<String>, chain: [String],
                         cache: inout [String: PolicyFile], diagnostics: inout DiagnosticList) {
        for include in file.includes {
            let path = resolve(include.value, relativeTo: file.path)
            if chain.contains(path) {
                diagnostics.append(.error("`include` makes a cycle: \((chain + [path]).map { "`\($0)`" }.joined(separator: " → "))", at: include.span))
                continue
            }
            if seen.contains(path) { continue }
            do {
                let fragment = try read(path: path, namedAt: include.span, cache: &cache)
                if let header = fragment.header {
                    diagnostics.append(.error("an included file is a fragment and cannot have a `policy:` section", at: header.span,
                                              help: "to build on a whole policy, use `extends:` instead of `include:`"))
                    continue
                }
                if fragment.extends != nil || !fragment.decisions.isEmpty {
                    diagnostics.append(.error("an included fragment may declare inputs, parameters and definitions only", at: include.span,
                                              help: "put decisions in the policy file itself"))
                }
                seen.insert(path)
                collectIncludes(of: fragment, into: &includes, seen: &seen, chain: chain + [path], cache: &cache, diagnostics: &diagnostics)
                includes.append(fragment)
            } catch {
                diagnostics.append(contentsOf: error)
            }
        }
    }

    func read(path: String, namedAt: SourceSpan?, cache: inout [String: PolicyFile]) throws(DiagnosticList) -> PolicyFile {
        if let cached = cache[path] { return cached }
        let file = try PolicyFileParser.parse(try readText(path: path, namedAt: namedAt), path: path)
        cache[path] = file
        return file
    }

    /// The UTF-8 text of the file at `path`, named in another file at `namedAt`.
    package func readText(path: String, namedAt: SourceSpan?) throws(DiagnosticList) -> String {
        let place = namedAt ?? SourceSpan(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticList([.error("no file at `\(path)`", at: namedAt, help: namedAt == nil ? nil : "paths are relative to the file that names them")])
        }
        if isDirectory.boolValue {
            throw DiagnosticList([.error("`\(path)` is a directory, not a policy file", at: namedAt)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([.error("cannot read `\(path)`", at: namedAt, help: "check the file's permissions")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([.error("`\(path)` is not UTF-8 text", at: namedAt ?? place, help: "save the file as UTF-8")])
        }
        return text
    }

    func resolve(_ reference: String, relativeTo file: String) -> String {
        if reference.hasPrefix("/") { return PolicyLoader.normalize(reference) }
        let directory = (file as NSString).deletingLastPathComponent
        return PolicyLoader.normalize(directory.isEmpty ? reference : directory + "/" + reference)
    }

    /// `a/./b/../c` → `a/c`, keeping a relative path relative.
    package static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        let absolute = path.hasPrefix("/")
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }
}
