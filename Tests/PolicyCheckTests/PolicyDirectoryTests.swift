import CarePolicy
import Foundation
import PolicyCheck
import PolicyModel
import Testing
import TestSupport

/// `include` and `extends` stay inside the policy directory: an absolute path, a `..`
/// escape, a link out or a file that is not a policy is refused at the line naming it,
/// and no message (nor the texts kept to render it) holds the text of the file refused.
@Suite("Policy directory")
struct PolicyDirectoryTests {
    static let secret = "SECRET-7f3a: the text of a file outside"

    /// A policy folder with a secret YAML file and a secret text file beside it, a note
    /// inside, and links to the secret and to a fragment inside.
    static func folder() throws -> PolicyFolder {
        let folder = try PolicyFolder()
        try folder.write(folder.root + "/secret.yaml", "inputs:\n  x: {type: bool, label: \"\(secret)\"}\n# \(secret)\n")
        try folder.write(folder.root + "/secret.txt", secret + "\n")
        try folder.write("notes.txt", secret + "\n")
        try folder.write("sub/shared.yaml", "inputs:\n  shared_flag: {type: bool, label: 共用}\n")
        try folder.link("link.yaml", to: "../secret.yaml")
        try folder.link("inside-link.yaml", to: "sub/shared.yaml")
        return folder
    }

    static func help(_ folder: PolicyFolder) -> String {
        "name a policy file inside the policy directory `\(folder.policies)` (or a folder below it), by a path relative to this file"
    }

    /// The load error of `file`, after checking that nothing of the secret nor of the
    /// environment reaches it; nil when the file loads.
    static func refusal(_ file: String, directory: String? = nil) -> PolicyLoadError? {
        guard let error = loadRefusal(file, policyDirectory: directory) else { return nil }
        let environment = ProcessInfo.processInfo.environment.values.filter { $0.count >= 16 }
        for text in [error.rendered, error.description] + Array(error.sources.values) {
            #expect(!text.contains("SECRET-7f3a"))
            #expect(!environment.contains { text.contains($0) })
        }
        return error
    }

    @Test("an include is refused at its line, before reading", arguments: [
        ("{root}/secret.yaml", "`include` names an absolute path, `{root}/secret.yaml`"),
        ("/proc/self/environ", "`include` names an absolute path, `/proc/self/environ`"),
        ("../secret.yaml", "`include` names `../secret.yaml`, which is outside the policy directory `{policies}`"),
        ("sub/../../secret.txt", "`include` names `sub/../../secret.txt`, which is outside the policy directory `{policies}`"),
        ("../../../../../../../../../../etc/passwd", "`include` names `../../../../../../../../../../etc/passwd`, which is outside the policy directory `{policies}`"),
        ("link.yaml", "`include` names `link.yaml`, a link to a file outside the policy directory `{policies}`"),
    ])
    func includeEscapes(_ reference: String, _ message: String) throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let fill = { (text: String) in text.replacingOccurrences(of: "{root}", with: folder.root).replacingOccurrences(of: "{policies}", with: folder.policies) }
        let path = try folder.write("p.yaml", PolicyFolder.policy("  - \(fill(reference))\n"))
        let error = try #require(Self.refusal(path))
        let span = SourceSpan(file: path, line: 4, column: 5, length: fill(reference).unicodeScalars.count)
        #expect(error.diagnostics.en == [.error(fill(message), at: span, help: Self.help(folder))])
        #expect(error.rendered.contains("   |   - \(fill(reference))"))
    }

    @Test("a file that is not a policy is refused, even inside")
    func notAPolicy() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let path = try folder.write("p.yaml", PolicyFolder.policy("  - notes.txt\n"))
        let error = try #require(Self.refusal(path))
        #expect(error.diagnostics.en == [.error("`include` names `notes.txt`, which is not a policy file", at: SourceSpan(file: path, line: 4, column: 5, length: 9),
                                                  help: "policy files end in `.yaml` or `.yml`")])
    }

    @Test("extends is refused the same way", arguments: [
        ("/etc/passwd", "`extends` names an absolute path, `/etc/passwd`"),
        ("../../secret.yaml", "`extends` names `../../secret.yaml`, which is outside the policy directory `{policies}`"),
        ("../link.yaml", "`extends` names `../link.yaml`, a link to a file outside the policy directory `{policies}`"),
    ])
    func extendsEscapes(_ reference: String, _ message: String) throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let path = try folder.write("variants/v.yaml", "extends: \(reference)\npolicy: {id: v, title: 变体, version: \"1\"}\n")
        let error = try #require(Self.refusal(path))
        let span = SourceSpan(file: path, line: 1, column: 10, length: reference.unicodeScalars.count)
        #expect(error.diagnostics.en == [.error(message.replacingOccurrences(of: "{policies}", with: folder.policies), at: span, help: Self.help(folder))])
    }

    @Test("inside the directory, includes, links and extends work as before")
    func inside() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let base = try folder.write("p.yaml", PolicyFolder.policy("  - inside-link.yaml\n"))
        #expect(try LoadedPolicy.load(path: base).metadata.id == "p")
        let variant = try folder.write("variants/v.yaml", "extends: ../p.yaml\npolicy: {id: v, title: 变体, version: \"1\"}\n")
        #expect(try LoadedPolicy.load(path: variant).metadata.id == "v")
        #expect(PolicyDirectory.enclosing(variant).absolutePath == folder.policies)
    }

    @Test("a directory given on purpose holds the policy file too: not outside it, not a link out of it")
    func givenDirectory() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let path = try folder.write("p.yaml", PolicyFolder.policy(""))
        let outside = try #require(Self.refusal(path, directory: folder.policies + "/sub"))
        #expect(outside.diagnostics.en == [.error("`\(path)` is outside the policy directory `\(folder.policies)/sub`", at: nil,
                                                    help: "put the policy file itself in `\(folder.policies)/sub` or a folder below it, not a link to it")])
        try folder.write(folder.root + "/elsewhere.yaml", PolicyFolder.policy("").replacingOccurrences(of: "common/person.yaml", with: "policies/common/person.yaml"))
        try folder.link("served.yaml", to: folder.root + "/elsewhere.yaml")
        let linked = try #require(Self.refusal(folder.policies + "/served.yaml", directory: folder.policies))
        #expect(linked.diagnostics.all.map { $0.text(.en) } == ["`\(folder.policies)/served.yaml` is outside the policy directory `\(folder.policies)`"])
        #expect(try LoadedPolicy.load(path: path, policyDirectory: folder.policies).metadata.id == "p")
    }

    @Test("the bundled policies and their variants load with their directory found for them")
    func bundled() throws {
        let policies = FixturePaths.packageRoot + "/policies"
        #expect(PolicyDirectory.enclosing(policies + "/variants/anqing-hourly-rate-10.yaml").absolutePath == policies)
        for file in PolicyFiles.policyFiles(under: policies) {
            _ = try LoadedPolicy.load(path: file)
            _ = try LoadedPolicy.load(path: file, policyDirectory: policies)
        }
    }
}
