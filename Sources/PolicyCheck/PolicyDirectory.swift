import Foundation
import PolicyModel
import PolicySyntax

/// The folder a policy's `include` and `extends` must stay inside: the directory the
/// service serves (`serve --policies`), or, for a file named on its own, the nearest
/// folder at or above the file's own that holds a `common/` or a `policies/` folder
/// (else the file's own folder). A reference is refused before anything is read when it
/// is absolute, leaves the folder through `..` or a symbolic link, or names anything but
/// a `.yaml`/`.yml` file, so no other file's text can reach a diagnostic.
///
/// ```swift
/// let directory = PolicyDirectory.enclosing("policies/variants/anqing-hourly-rate-10.yaml")
/// directory.path   // "policies"
/// ```
package struct PolicyDirectory: Sendable {
    /// The folder as it is shown: as given, or relative to the working directory when found.
    package let path: String
    /// The folder with every symbolic link resolved, for the final check.
    let realPath: String
    /// The folder as an absolute path, links left in, for the check by name.
    package let absolutePath: String

    /// The folder at `path` (a directory given on purpose, such as the service's).
    package init(_ path: String) {
        self.path = path
        absolutePath = PolicyDirectory.absolute(path)
        realPath = PolicyDirectory.realPath(of: absolutePath) ?? absolutePath
    }

    /// The policy directory of `file`, named on its own.
    package static func enclosing(_ file: String) -> PolicyDirectory {
        let start = (absolute(file) as NSString).deletingLastPathComponent
        var folder = start
        while true {
            if holdsFolder(folder, "common") || holdsFolder(folder, "policies") { break }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { folder = start; break }
            folder = parent
        }
        return PolicyDirectory(shown(folder))
    }

    /// Why `file` may not be read as a policy of this directory, if it may not: it lies
    /// outside it, by name or through a link.
    package func refusal(of file: String) -> Diagnostic? {
        let absolute = PolicyDirectory.absolute(file)
        let real = PolicyDirectory.realPath(of: absolute)
        if PolicyDirectory.isInside(absolute, absolutePath) && real.map({ PolicyDirectory.isInside($0, realPath) }) ?? true { return nil }
        return .error(.outsideDirectory(file: file, directory: path), at: nil, help: .putFileInDirectory(path))
    }

    /// Why the file `reference` names (by `keyword`, resolved to `resolved`) may not be read, if it may not.
    /// Checks by name first, so nothing outside the directory is even looked at.
    package func refusal(of reference: Located<String>, keyword: String, resolved: String) -> Diagnostic? {
        let help = CheckMessage.nameFileInside(path)
        if reference.value.hasPrefix("/") {
            return .error(.absoluteReference(keyword: keyword, reference: reference.value), at: reference.span, help: help)
        }
        let absolute = PolicyDirectory.absolute(resolved)
        guard PolicyDirectory.isInside(absolute, absolutePath) else {
            return .error(.referenceOutside(keyword: keyword, reference: reference.value, directory: path), at: reference.span, help: help)
        }
        guard resolved.hasSuffix(".yaml") || resolved.hasSuffix(".yml") else {
            return .error(.referenceNotPolicyFile(keyword: keyword, reference: reference.value), at: reference.span, help: .policyFileExtensions)
        }
        if let real = PolicyDirectory.realPath(of: absolute), !PolicyDirectory.isInside(real, realPath) {
            return .error(.referenceLinksOutside(keyword: keyword, reference: reference.value, directory: path), at: reference.span, help: help)
        }
        return nil
    }

    static func holdsFolder(_ folder: String, _ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `path` is `folder` or lies below it (both absolute and normalised).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    static func absolute(_ path: String) -> String {
        PolicyLoader.normalize(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    /// `path` with every link resolved; nil when it does not exist.
    static func realPath(of path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute folder as it is shown: relative to the working directory when inside it.
    static func shown(_ folder: String) -> String {
        let current = absolute(".")
        if folder == current { return "." }
        if folder.hasPrefix(current + "/") { return String(folder.dropFirst(current.count + 1)) }
        return folder
    }
}
