import Hummingbird
import Logging
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// Around every request: answers every error in the JSON error shape (Hummingbird's
/// own 404/405/413 included), logs the unexpected ones, and counts the request and its
/// latency by route and status.
struct ServiceMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            response = try Self.apiError(error.status, request: request).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            response = try APIError(.internalServerError, code: "internal_error", message: "the service failed to answer; the error is in its log")
                .response(from: request, context: context)
        }
        metrics.requestAnswered(method: request.method.rawValue, path: context.endpointPath ?? "unmatched",
                                status: response.status.code, duration: ContinuousClock.now - start)
        return response
    }

    static func apiError(_ status: HTTPResponse.Status, request: Request) -> APIError {
        switch status {
        case .notFound:
            return APIError(.notFound, code: "not_found", message: "no endpoint \(request.method) \(request.uri.path); see /openapi.json")
        case .methodNotAllowed:
            return APIError(.methodNotAllowed, code: "method_not_allowed", message: "\(request.uri.path) does not take \(request.method)")
        case .contentTooLarge:
            return APIError(.contentTooLarge, code: "body_too_large", message: "the request body is too large")
        default:
            return APIError(status, code: status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"), message: status.reasonPhrase)
        }
    }
}
