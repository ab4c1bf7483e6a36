import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// An uploaded policy text, checked beside the other policies (so its includes resolve)
/// under a name the watcher ignores, and moved over the policy's file in one rename only
/// when it checks and its id is the one in the URL.
struct PolicyUpload {
    let directory: String
    let id: String
    /// The file the policy is served from now, if any.
    let existingFile: String?

    /// Checks `text` and installs it; returns the file it now lives in. Throws 422 with
    /// the located diagnostics when it has errors.
    func install(_ text: String) throws -> String {
        let target = existingFile ?? (directory as NSString).appendingPathComponent(id + ".yaml")
        let staging = (directory as NSString).appendingPathComponent(".upload-\(id)-\(UUID().uuidString).staging")
        do {
            try text.write(toFile: staging, atomically: false, encoding: .utf8)
        } catch {
            throw APIError(.internalServerError, code: "upload_not_written", message: "could not write the upload into \(directory): \(error)")
        }
        let loaded: LoadedPolicy
        do {
            loaded = try LoadedPolicy.load(path: staging, policyDirectory: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            var apiError = APIError(.unprocessableContent, code: "policy_refused",
                                    message: "the uploaded policy has errors; nothing was changed:\n" + error.rendered.replacingOccurrences(of: staging, with: target))
            let diagnostics = error.diagnostics.all.map { Self.renamed($0, from: staging, to: target) }
            apiError.problems = { language in diagnostics.map { PolicyJSON.diagnostic($0, language: language) } }
            if let first = error.diagnostics.errors.first?.span {
                apiError.line = first.line
                apiError.column = first.column
            }
            throw apiError
        }
        guard loaded.metadata.id == id else {
            try? FileManager.default.removeItem(atPath: staging)
            throw APIError(.unprocessableContent, code: "id_mismatch",
                           message: "the uploaded policy's id is `\(loaded.metadata.id)`, but it was sent to `\(id)`; upload it to /v1/admin/policies/\(loaded.metadata.id)",
                           field: "id")
        }
        guard rename(staging, target) == 0 else {
            try? FileManager.default.removeItem(atPath: staging)
            throw APIError(.internalServerError, code: "upload_not_written", message: "could not move the upload to \(target)")
        }
        return target
    }

    static func renamed(_ diagnostic: Diagnostic, from staging: String, to target: String) -> Diagnostic {
        guard let span = diagnostic.span, span.file == staging else { return diagnostic }
        return diagnostic.moved(to: SourceSpan(file: target, line: span.line, column: span.column, length: span.length))
    }
}
