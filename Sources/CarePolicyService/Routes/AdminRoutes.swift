import CarePolicy
import Crypto
import Foundation
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import ServiceLifecycle

/// `POST /v1/admin/reload` (read the policy directory now) and
/// `PUT /v1/admin/policies/{id}` (upload a policy's YAML: checked first, written into
/// the policy directory only when it has no errors, then live). Both need
/// `Authorization: Bearer TOKEN`, the token the service was started with
/// (`CAREPOLICY_ADMIN_TOKEN`); without one configured they are refused.
struct AdminRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/admin/reload") { request, _ in
            try AdminRoutes.authorize(request, state: state)
            let summary = try await AdminRoutes.reload(state)
            return JSONResponse.make(AdminRoutes.json(summary, language: request.language))
        }
        router.put("/v1/admin/policies/:id") { request, context in
            try AdminRoutes.authorize(request, state: state)
            let id = context.parameters.get("id") ?? ""
            guard PolicyIdentifier(id) != nil else { throw APIError.invalidPolicyID(id) }
            let body = try await request.collectBody(limit: state.configuration.maxBodyBytes)
            let snapshot = state.registry.snapshot
            let upload = PolicyUpload(directory: state.configuration.policyDirectory, id: id,
                                      existingFile: snapshot.idsByFile.first { $0.value == id }?.key, served: snapshot.policies[id],
                                      deadline: state.configuration.reloadDeadline, reading: state.configuration.policyReading)
            let file = try await cancelWhenGracefulShutdown { try await upload.install(String(buffer: body)) }
            let summary = try await AdminRoutes.reload(state, written: file)
            guard let served = state.registry.policy(id), served.metadata.file == file else {
                let refused = summary.refused.first { $0.file == file }
                var error = APIError(.unprocessableContent, code: "policy_refused", message: "the uploaded policy was written to \(file) but not served")
                let diagnostics = refused?.diagnostics ?? []
                error.problems = { language in diagnostics.map { PolicyJSON.diagnostic($0, language: language) } }
                throw error
            }
            let status: HTTPResponse.Status = upload.existingFile == nil ? .created : .ok
            return JSONResponse.make(.object([("policy", PolicyJSON.summary(served)), ("reload", AdminRoutes.json(summary, language: request.language))]),
                                     status: status, headers: JSONResponse.policyHeaders(served.metadata))
        }
    }

    /// Reloads off the request's task and waits at most the reload deadline, and never
    /// past the start of a graceful shutdown: 503 then, while the reload goes on (its
    /// outcome shows at `/v1/policies/{id}/status`).
    static func reload(_ state: ServiceState, written file: String? = nil) async throws -> PolicyReloader.Summary {
        let reloader = state.reloader
        let task = Task { await reloader.reloadNow() }
        let outcome = try await cancelWhenGracefulShutdown {
            await DeadlineRun.wait(for: task, within: state.configuration.reloadDeadline)
        }
        let written = file.map { "the policy was written to \($0); " } ?? ""
        switch outcome {
        case .finished(let summary?):
            return summary
        case .finished(nil), .cancelled:
            throw APIError(.serviceUnavailable, code: "shutting_down", message: "\(written)the service is shutting down before the reload finished")
        case .timedOut:
            var error = APIError(.serviceUnavailable, code: "reload_pending",
                                 message: "\(written)the reload still runs after \(state.configuration.reloadDeadline); its outcome will show at /v1/policies/{id}/status")
            error.headers[.retryAfter] = "5"
            throw error
        }
    }

    static func authorize(_ request: Request, state: ServiceState) throws {
        guard let token = state.configuration.adminToken, !token.isEmpty else {
            throw APIError(.forbidden, code: "admin_disabled",
                           message: "admin actions are turned off; start the service with CAREPOLICY_ADMIN_TOKEN set to enable them")
        }
        let presented = BearerCredentials.token(in: request.headers[.authorization]) ?? ""
        // Compare digests, so the time taken says nothing about the token.
        guard SHA256.hash(data: Data(presented.utf8)) == SHA256.hash(data: Data(token.utf8)) else {
            var error = APIError(.unauthorized, code: "unauthorized", message: "this admin action needs `Authorization: Bearer TOKEN` with the service's admin token")
            error.headers[.wwwAuthenticate] = "Bearer"
            throw error
        }
    }

    static func json(_ summary: PolicyReloader.Summary, language: Language) -> JSONText.Node {
        .object([
            ("accepted", .array(summary.accepted.sorted().map { .string($0) })),
            ("unchanged", .array(summary.unchanged.sorted().map { .string($0) })),
            ("removed", .array(summary.removed.sorted().map { .string($0) })),
            ("held", .array(summary.held.sorted().map { .string($0) })),
            ("refused", .array(summary.refused.map { refusal in
                .object([("file", .string(refusal.file)), ("policy", refusal.policy.map { .string($0) } ?? .null),
                         ("diagnostics", .array(refusal.diagnostics.map { PolicyJSON.diagnostic($0, language: language) }))])
            })),
        ])
    }
}
