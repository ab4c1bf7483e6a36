import Foundation
import PolicyModel
import PolicySyntax

/// Reads a policy file and every file it includes or extends, relative to the file
/// that names it; refuses cycles, missing files, files outside readable text, and any
/// reference that leaves the policy directory (`PolicyDirectory`), before reading it.
package struct PolicyLoader {
    /// The directory given on purpose; without one, each file's own (`PolicyDirectory.enclosing`).
    package let directory: PolicyDirectory?
    /// The text of every policy file read, by path, for rendering diagnostics: only files
    /// the loader agreed to read, so no other file's text can be shown.
    package private(set) var texts: [String: String] = [:]
    /// Files already read, by normalized path, read from here instead of the disk: the
    /// service reads a file once, judges it complete, and checks exactly those bytes.
    package let preread: [String: Data]

    package init(directory: String? = nil, preread: [String: Data] = [:]) {
        self.directory = directory.map(PolicyDirectory.init)
        self.preread = preread
    }

    package mutating func load(path: String) throws(DiagnosticList) -> PolicySourceSet {
        let directory = self.directory ?? PolicyDirectory.enclosing(path)
        if let refusal = directory.refusal(of: path) { throw DiagnosticList([refusal]) }
        var cache: [String: PolicyFile] = [:]
        return try load(path: path, namedAt: nil, chain: [], in: directory, cache: &cache)
    }

    mutating func load(path: String, namedAt: SourceSpan?, chain: [String], in directory: PolicyDirectory,
                       cache: inout [String: PolicyFile]) throws(DiagnosticList) -> PolicySourceSet {
        let file = try read(path: path, namedAt: namedAt, cache: &cache)
        var diagnostics = DiagnosticList()
        var includes: [PolicyFile] = []
        var seen = Set<String>()
        collectIncludes(of: file, into: &includes, seen: &seen, chain: [file.path], in: directory, cache: &cache, diagnostics: &diagnostics)
        var base: PolicySourceSet.Box?
        if let extends = file.extends {
            let basePath = resolve(extends.value, relativeTo: file.path)
            if let refusal = directory.refusal(of: extends, keyword: "extends", resolved: basePath) {
                diagnostics.append(refusal)
            } else if chain.contains(basePath) || basePath == file.path {
                diagnostics.append(.error(.extendsCycle(chain + [file.path, basePath]), at: extends.span, help: .variantCannotExtendBack))
            } else {
                do {
                    base = .init(try load(path: basePath, namedAt: extends.span, chain: chain + [file.path], in: directory, cache: &cache))
                } catch {
                    diagnostics.append(contentsOf: error)
                }
            }
        }
        if diagnostics.hasErrors { throw diagnostics }
        return PolicySourceSet(file: file, includes: includes, base: base)
    }

    mutating func collectIncludes(of file: PolicyFile, into includes: inout [PolicyFile], seen: inout Set<String>, chain: [String],
                                  in directory: PolicyDirectory, cache: inout [String: PolicyFile], diagnostics: inout DiagnosticList) {
        for include in file.includes {
            let path = resolve(include.value, relativeTo: file.path)
            if let refusal = directory.refusal(of: include, keyword: "include", resolved: path) {
                diagnostics.append(refusal)
                continue
            }
            if chain.contains(path) {
                diagnostics.append(.error(.includeCycle(chain + [path]), at: include.span))
                continue
            }
            if seen.contains(path) { continue }
            do {
                let fragment = try read(path: path, namedAt: include.span, cache: &cache)
                if let header = fragment.header {
                    diagnostics.append(.error(.includedFileHasHeader, at: header.span, help: .useExtendsForWholePolicy))
                    continue
                }
                if fragment.extends != nil || !fragment.decisions.isEmpty {
                    diagnostics.append(.error(.fragmentDeclaresDecisions, at: include.span, help: .decisionsBelongInPolicyFile))
                }
                seen.insert(path)
                collectIncludes(of: fragment, into: &includes, seen: &seen, chain: chain + [path], in: directory, cache: &cache, diagnostics: &diagnostics)
                includes.append(fragment)
            } catch {
                diagnostics.append(contentsOf: error)
            }
        }
    }

    mutating func read(path: String, namedAt: SourceSpan?, cache: inout [String: PolicyFile]) throws(DiagnosticList) -> PolicyFile {
        if let cached = cache[path] { return cached }
        let text = try readText(path: path, namedAt: namedAt)
        let file = try PolicyFileParser.parse(text, path: path)
        cache[path] = file
        return file
    }

    /// The UTF-8 text of the file at `path`, named in another file at `namedAt`; kept for
    /// rendering diagnostics (only files the loader agreed to read).
    package mutating func readText(path: String, namedAt: SourceSpan?) throws(DiagnosticList) -> String {
        if let data = preread[PolicyLoader.normalize(path)] { return try decode(data, path: path) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticList([.error(.noFile(path), at: namedAt, help: namedAt == nil ? nil : .pathsAreRelative)])
        }
        if isDirectory.boolValue {
            throw DiagnosticList([.error(.isDirectory(path), at: namedAt)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([.error(.cannotRead(path), at: namedAt, help: .checkPermissions)])
        }
        return try decode(data, path: path)
    }

    /// The UTF-8 text of `data`, read from `path`, kept for rendering diagnostics.
    mutating func decode(_ data: Data, path: String) throws(DiagnosticList) -> String {
        let text: String
        do {
            text = try PolicyText.decode(data, file: path)
        } catch {
            // Shown with the byte as U+FFFD, so the caret lands under it.
            texts[path] = String(decoding: data, as: UTF8.self)
            throw error
        }
        texts[path] = text
        return text
    }

    func resolve(_ reference: String, relativeTo file: String) -> String {
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
