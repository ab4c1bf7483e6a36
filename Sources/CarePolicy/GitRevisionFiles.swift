import Foundation

/// Reads files as they were at a git revision, through the `git` program (`git show
/// REV:path`), for `carepolicy diff HEAD:policies/anqing.yaml policies/anqing.yaml`.
///
/// ```swift
/// let files = try GitRevisionFiles(revision: "HEAD", in: ".")
/// let text = try files.text(of: "policies/anqing.yaml")
/// ```
struct GitRevisionFiles {
    /// Why a file could not be read from git: the command and what git said.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let revision: String
    /// The working directory git runs in (inside the repository).
    let directory: String
    /// The path of `directory` inside the repository, with a trailing `/` (empty at the top).
    let prefix: String

    init(revision: String, in directory: String) throws(Failure) {
        self.revision = revision
        self.directory = directory
        let prefix = try Self.git(["rev-parse", "--show-prefix"], in: directory)
        self.prefix = String(decoding: prefix, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: directory,
                         failure: "`\(revision)` is not a commit of the git repository at `\(directory)`")
    }

    /// A path as git's `REV:path` reads it, made relative to the top of the repository:
    /// `./x` and `../x` are relative to the working directory, anything else to the top.
    func repositoryPath(_ path: String) -> String {
        let joined = path.hasPrefix("./") || path.hasPrefix("../") ? prefix + path : path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// The file's bytes at the revision.
    func contents(of path: String) throws(Failure) -> Data {
        try Self.git(["show", "\(revision):\(path)"], in: directory, failure: "there is no `\(path)` at `\(revision)`")
    }

    /// The folders directly inside a folder at the revision (`""` for the top), by name.
    func folders(in folder: String) throws(Failure) -> [String] {
        let data = try Self.git(["ls-tree", "--full-tree", revision, folder.isEmpty ? "." : folder + "/"], in: directory)
        // Each line: `mode type object<TAB>path`.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, fields[0].split(separator: " ").dropFirst().first == "tree" else { return nil }
            return String(fields[1].split(separator: "/").last ?? fields[1])
        }
    }

    /// Every file below a folder at the revision, by its path from the top of the repository.
    func files(under folder: String) throws(Failure) -> [String] {
        let data = try Self.git(["ls-tree", "-r", "--name-only", "--full-tree", revision, "--", folder.isEmpty ? "." : folder], in: directory)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Runs git to its end; its standard output, or a failure with what it printed on error.
    static func git(_ arguments: [String], in directory: String, failure: String? = nil) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-git-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        do {
            let errors = try FileHandle(forWritingTo: errorFile)
            defer { try? errors.close() }
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw Failure(description: "cannot run `git`: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = (FileManager.default.contents(atPath: errorFile.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let command = "git " + arguments.joined(separator: " ")
            throw Failure(description: (failure ?? "`\(command)` failed") + (said.isEmpty ? "" : " (git: \(said.split(separator: "\n").first ?? ""))"))
        }
        return data
    }
}
