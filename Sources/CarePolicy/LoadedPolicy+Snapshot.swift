import Foundation
import PolicyCheck
import PolicyModel
import PolicySyntax
import PolicyRuntime

extension LoadedPolicy {
    /// Loads the older side of a comparison, which need not lie in a policy directory:
    ///
    /// - a git revision, `REV:path` (`HEAD:policies/anqing.yaml`, `v2026.1:policies/anqing.yaml`;
    ///   `./x` relative to the working directory): the file and its policy directory (the
    ///   nearest folder holding `common/` or `policies/`) are read as they were at that
    ///   revision, so its includes resolve at that revision too;
    /// - a saved copy whose `include`/`extends` do not resolve where it lies (a copy in
    ///   `/tmp`): it is read as if it lay in `policyDirectory` (default: the policy
    ///   directory of `other`, the newer side), at the place `other` has there, or else at
    ///   the directory's top, whichever makes its references resolve;
    /// - anything else, as `load(path:)` does.
    ///
    /// Diagnostics name the file as given (`HEAD:policies/anqing.yaml:12:3`).
    public static func load(comparing reference: String, with other: String, policyDirectory: String? = nil,
                            engine: EvaluationEngine = .flat) throws(PolicyLoadError) -> LoadedPolicy {
        if FileManager.default.fileExists(atPath: reference) {
            if policyDirectory == nil, references(of: reference, resolveIn: (reference as NSString).deletingLastPathComponent) {
                return try load(path: reference, engine: engine)
            }
            return try loadSavedCopy(reference, besides: other, policyDirectory: policyDirectory, engine: engine)
        }
        if let colon = reference.firstIndex(of: ":"), colon != reference.startIndex {
            return try loadRevision(String(reference[..<colon]), path: String(reference[reference.index(after: colon)...]), shownAs: reference, engine: engine)
        }
        return try load(path: reference, engine: engine)
    }

    /// Whether every `include` and `extends` of the file names an existing file from `folder`.
    static func references(of path: String, resolveIn folder: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let file = try? PolicyFileParser.parse(text, path: path) else { return true }
        let names = file.includes.map(\.value) + (file.extends.map { [$0.value] } ?? [])
        return names.allSatisfy { name in
            !name.hasPrefix("/") && FileManager.default.fileExists(atPath: PolicyLoader.normalize(folder.isEmpty ? name : folder + "/" + name))
        }
    }

    static func loadSavedCopy(_ path: String, besides other: String, policyDirectory: String?, engine: EvaluationEngine) throws(PolicyLoadError) -> LoadedPolicy {
        let directory = PolicyLoader.normalize(policyDirectory ?? PolicyDirectory.enclosing(other).path)
        let absoluteDirectory = PolicyLoader.normalize(directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory)
        let absoluteOther = PolicyLoader.normalize(other.hasPrefix("/") ? other : FileManager.default.currentDirectoryPath + "/" + other)
        var places: [String] = []
        if absoluteOther.hasPrefix(absoluteDirectory + "/") {
            places.append((String(absoluteOther.dropFirst(absoluteDirectory.count + 1)) as NSString).deletingLastPathComponent)
        }
        if !places.contains("") { places.append("") }
        let place = places.first { references(of: path, resolveIn: $0.isEmpty ? directory : directory + "/" + $0) } ?? places[0]
        guard let text = FileManager.default.contents(atPath: path) else { return try load(path: path, engine: engine) }
        let name = (path as NSString).lastPathComponent
        let placed = place.isEmpty ? name : place + "/" + name
        return try withMirror(relabelling: [(placed, path)], shownFolder: directory) { (root: String) throws(PolicyLoadError) -> LoadedPolicy in
            for file in yamlFiles(under: directory) {
                try write(FileManager.default.contents(atPath: directory + "/" + file) ?? Data(), to: root + "/" + file)
            }
            try write(text, to: root + "/" + placed)
            return try load(path: root + "/" + placed, engine: engine, policyDirectory: root)
        }
    }

    static func loadRevision(_ revision: String, path: String, shownAs reference: String, engine: EvaluationEngine) throws(PolicyLoadError) -> LoadedPolicy {
        let folder: String, relative: String
        var contents: [(String, Data)] = []
        do throws(GitRevisionFiles.Failure) {
            let git = try GitRevisionFiles(revision: revision, in: FileManager.default.currentDirectoryPath)
            let file = git.repositoryPath(path)
            _ = try git.contents(of: file)
            // The policy directory at the revision: the nearest folder holding `common/` or `policies/`.
            var candidate = (file as NSString).deletingLastPathComponent
            let start = candidate
            while true {
                let inside = try git.folders(in: candidate)
                if inside.contains("common") || inside.contains("policies") { break }
                if candidate.isEmpty { candidate = start; break }
                candidate = (candidate as NSString).deletingLastPathComponent
            }
            folder = candidate
            relative = folder.isEmpty ? file : String(file.dropFirst(folder.count + 1))
            for name in try git.files(under: folder) where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                contents.append((folder.isEmpty ? name : String(name.dropFirst(folder.count + 1)), try git.contents(of: name)))
            }
        } catch {
            throw PolicyLoadError(diagnostics: DiagnosticList([.error(.check(.cannotReadRevision(reference, problem: error.description)), at: nil,
                                                                      help: .check(.nameRevisionPath))]),
                                  sources: [:])
        }
        return try withMirror(relabelling: [(relative, reference)], shownFolder: "\(revision):\(folder)") { (root: String) throws(PolicyLoadError) -> LoadedPolicy in
            for (name, data) in contents { try write(data, to: root + "/" + name) }
            return try load(path: root + "/" + relative, engine: engine, policyDirectory: root)
        }
    }

    /// Runs `body` on a fresh temporary folder, removed afterwards; diagnostics name the
    /// files relabelled (by path inside the folder) as given, the others inside `shownFolder`.
    static func withMirror(relabelling names: [(String, String)], shownFolder: String,
                           _ body: (String) throws(PolicyLoadError) -> LoadedPolicy) throws(PolicyLoadError) -> LoadedPolicy {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            return try body(root)
        } catch {
            func shown(_ file: String) -> String {
                for (inside, given) in names where file == root + "/" + inside { return given }
                if file.hasPrefix(root + "/") { return (shownFolder.isEmpty || shownFolder.hasSuffix(":") ? shownFolder : shownFolder + "/") + file.dropFirst(root.count + 1) }
                return file
            }
            func text(_ message: Message) -> Message {
                var from: [String] = [], to: [String] = []
                for (inside, given) in names { from.append(root + "/" + inside); to.append(given) }
                from += [root + "/", root]
                to += [shownFolder.isEmpty || shownFolder.hasSuffix(":") ? shownFolder : shownFolder + "/", shownFolder]
                return .common(.renamingPaths(message, from: from, to: to))
            }
            let diagnostics = error.diagnostics.all.map { diagnostic in
                Diagnostic(diagnostic.severity, text(diagnostic.message),
                           at: diagnostic.span.map { SourceSpan(file: shown($0.file), line: $0.line, column: $0.column, length: $0.length) },
                           help: diagnostic.help.map(text))
            }
            throw PolicyLoadError(diagnostics: DiagnosticList(diagnostics), sources: Dictionary(error.sources.map { (shown($0.key), $0.value) }) { first, _ in first })
        }
    }

    /// Every `.yaml`/`.yml` file below `directory`, by its path inside it.
    static func yamlFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { files.append(relative) }
        }
        return files.sorted()
    }

    static func write(_ text: String, to path: String) throws(PolicyLoadError) { try write(Data(text.utf8), to: path) }

    static func write(_ data: Data, to path: String) throws(PolicyLoadError) {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw PolicyLoadError(diagnostics: DiagnosticList([.error(.check(.cannotWriteTemporaryCopy(path, problem: error.localizedDescription)), at: nil)]), sources: [:])
        }
    }
}
