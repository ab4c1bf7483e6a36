import CarePolicy
import Foundation
import Testing
import TestSupport

/// Checking a folder of policies: each problem said about the file that is wrong.
@Suite struct PolicyCheckRunTests {
    /// The bundled policies (all of `policies/`) copied, with `edit` applied to `anqing.yaml`.
    static func policies(editingAnqing edit: (String) -> String) throws -> PolicyFolder {
        let folder = try PolicyFolder()
        try FileManager.default.removeItem(atPath: folder.policies)
        try FileManager.default.copyItem(atPath: FixturePaths.packageRoot + "/policies", toPath: folder.policies)
        let anqing = folder.policies + "/anqing.yaml"
        try edit(try String(contentsOfFile: anqing, encoding: .utf8)).write(toFile: anqing, atomically: true, encoding: .utf8)
        return folder
    }

    @Test("an error in a base is given once, at its place, with the variants it affects; nothing it includes is called unused")
    func anErrorInABaseIsReportedOnce() throws {
        let folder = try Self.policies { $0.replacingOccurrences(of: "when: five_elders", with: "when: five_elder") }
        defer { folder.remove() }
        let run = PolicyCheckRun(files: PolicyFiles.policyFiles(under: folder.policies))
        var refused: [String: [Diagnostic]] = [:]
        for (file, outcome) in run.outcomes {
            if case .refused(let diagnostics) = outcome { refused[String(file.dropFirst(folder.policies.count + 1))] = diagnostics.all }
        }
        #expect(refused.keys.sorted() == ["anqing.yaml", "variants/anqing-gov-purchase-tekun.yaml", "variants/anqing-hourly-rate-10.yaml"])
        let errors = try #require(refused["anqing.yaml"])
        #expect(errors.map { $0.line(.en) } == ["\(folder.policies)/anqing.yaml:73:15: error: unknown name `five_elder`"])
        #expect(errors.first?.affectedFiles == ["\(folder.policies)/variants/anqing-gov-purchase-tekun.yaml", "\(folder.policies)/variants/anqing-hourly-rate-10.yaml"])
        #expect(refused["variants/anqing-hourly-rate-10.yaml"]?.isEmpty == true)
        // `common/person.yaml` is read by anqing, which was refused: none of its inputs is called unused.
        #expect(run.sharedFindings.isEmpty)
        #expect(run.refusedCount == 3)
    }

    @Test("with every policy checked, a shared input no policy reads is still called unused")
    func sharedUnusedInputsWhenAllAreChecked() throws {
        let folder = try Self.policies { $0 }
        defer { folder.remove() }
        let run = PolicyCheckRun(files: PolicyFiles.policyFiles(under: folder.policies))
        #expect(run.refusedCount == 0)
        #expect(run.sharedFindings.allSatisfy { $0.kind == .unusedInput || $0.kind == .unusedParameter || $0.kind == .unusedDefinition })
    }

    @Test("a declaration indented two spaces too deep is reported on its own line, about indentation")
    func indentationSlip() throws {
        let folder = try Self.policies { text in
            text.replacingOccurrences(of: "\n  free_monthly_hours:\n", with: "\n    free_monthly_hours:\n")
        }
        defer { folder.remove() }
        do {
            _ = try LoadedPolicy.load(path: folder.policies + "/anqing.yaml")
            Issue.record("accepted")
        } catch {
            let rendered = error.rendered.replacingOccurrences(of: folder.policies, with: "policies")
            // The line that moved, wherever anqing.yaml has it today.
            let text = try String(contentsOfFile: folder.policies + "/anqing.yaml", encoding: .utf8)
            let line = try #require(text.components(separatedBy: "\n").firstIndex(of: "    free_monthly_hours:")) + 1
            #expect(rendered == """
                policies/anqing.yaml:\(line):5: 错误：这一行的缩进不对：它从第 5 列开始，而周围的行从第 3 列开始
                   |     free_monthly_hours:
                   |     ^
                   = 建议：缩进决定一行属于哪一部分：把第 \(line) 行改为从第 3 列开始，与同一层的键对齐
                """)
        }
    }
}
