import CarePolicy
import Foundation
import PolicyModel

/// An uploaded policy text, written beside the file it replaces under a name the watcher
/// ignores (`.upload-ID-UUID.staging`: its includes resolve as the real file's will),
/// flushed to disk, checked within the reload deadline on a thread of its own, and moved
/// over the policy's file in one rename only when it checks, its id is the one in the
/// URL and it keeps every public name of the served version (or changes `version`). The
/// policy file is therefore always either the old text or the whole new one.
struct PolicyUpload {
    let directory: String
    let id: String
    /// The file the policy is served from now, if any.
    let existingFile: String?
    /// The version served now, if any (for the public names it promises).
    let served: ServedPolicy?
    let deadline: Duration
    let reading: PolicyReading

    /// Checks `text` and installs it; returns the file it now lives in. Throws 422 with
    /// the located diagnostics when it has errors, 503 when shutdown began meanwhile.
    func install(_ text: String) async throws -> String {
        let target = existingFile ?? (directory as NSString).appendingPathComponent(id + ".yaml")
        let folder = (target as NSString).deletingLastPathComponent
        let staging = (folder as NSString).appendingPathComponent(".upload-\(id)-\(UUID().uuidString).staging")
        do {
            try DurableFile.create(staging, bytes: Array(text.utf8), permissionsLike: target)
        } catch {
            throw APIError(.internalServerError, code: "upload_not_written", message: "could not write the upload into \(folder): \(error)")
        }
        do {
            _ = try await check(staging, target: target)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        guard rename(staging, target) == 0 else {
            try? FileManager.default.removeItem(atPath: staging)
            throw APIError(.internalServerError, code: "upload_not_written", message: "could not move the upload to \(target)")
        }
        // The rename itself survives a crash only once the folder is on disk too.
        DurableFile.syncFolder(folder)
        return target
    }

    /// The staged text loaded, or the 422/503 that says why it may not be served.
    private func check(_ staging: String, target: String) async throws -> LoadedPolicy {
        let (directory, load) = (self.directory, reading.load)
        let result: Result<LoadedPolicy, PolicyLoadError>
        switch await DeadlineRun.run(within: deadline, { load(staging, directory, [:]) }) {
        case .finished(let finished): result = finished
        case .timedOut:
            throw APIError(.unprocessableContent, code: "policy_too_slow",
                           message: "checking the uploaded policy took longer than \(deadline) (the service's reload deadline); nothing was changed")
        case .cancelled:
            throw APIError(.serviceUnavailable, code: "shutting_down", message: "the service is shutting down; nothing was changed")
        }
        let loaded: LoadedPolicy
        switch result {
        case .success(let success): loaded = success
        case .failure(let error):
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
            throw APIError(.unprocessableContent, code: "id_mismatch",
                           message: "the uploaded policy's id is `\(loaded.metadata.id)`, but it was sent to `\(id)`; upload it to /v1/admin/policies/\(loaded.metadata.id)",
                           field: "id")
        }
        if let served, let refusal = PolicyInterface.refusal(replacing: served.policy, with: loaded) {
            let diagnostic = Self.renamed(refusal, from: staging, to: target)
            var apiError = APIError(.unprocessableContent, code: "names_dropped", message: diagnostic.text(.en) + "; nothing was changed")
            apiError.problems = { language in [PolicyJSON.diagnostic(diagnostic, language: language)] }
            apiError.line = diagnostic.span?.line
            apiError.column = diagnostic.span?.column
            throw apiError
        }
        return loaded
    }

    static func renamed(_ diagnostic: Diagnostic, from staging: String, to target: String) -> Diagnostic {
        guard let span = diagnostic.span, span.file == staging else { return diagnostic }
        return diagnostic.moved(to: SourceSpan(file: target, line: span.line, column: span.column, length: span.length))
    }
}
