import Hummingbird

/// Answers a request whose path is an endpoint's but whose method is not — `GET` on a
/// `POST` endpoint, `TRACE`, `DELETE` — with 405 and an `Allow` header naming the methods
/// the endpoint takes (RFC 9110 §15.5.6), where Hummingbird's router answers 404. A path
/// that is no endpoint stays 404. Added to the router after every route, so it wraps only
/// the router's "not found" answer.
///
/// ```swift
/// router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
/// ```
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = ServiceContext

    /// One endpoint: its path template and the methods registered on it.
    struct Endpoint: Sendable {
        let path: RouterPath
        var methods: [HTTPRequest.Method]
    }

    let endpoints: [Endpoint]

    init(routes: [Router<ServiceContext>.RouteDescription]) {
        var endpoints: [Endpoint] = []
        for route in routes {
            if let index = endpoints.firstIndex(where: { $0.path == route.path }) {
                endpoints[index].methods.append(route.method)
            } else {
                endpoints.append(Endpoint(path: route.path, methods: [route.method]))
            }
        }
        self.endpoints = endpoints
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(path: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            let names = allowed.map(\.rawValue)
            var refusal = APIError(.methodNotAllowed, code: "method_not_allowed",
                                   message: "\(request.uri.path) does not take \(request.method.rawValue); it takes \(names.joined(separator: ", "))")
            refusal.headers[.allow] = names.joined(separator: ", ")
            throw refusal
        }
    }

    /// The methods of every endpoint whose template matches `path`, sorted and without repeats.
    func allowedMethods(path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var methods: [HTTPRequest.Method] = []
        for endpoint in endpoints where endpoint.path.components.count == segments.count {
            guard zip(endpoint.path.components, segments).allSatisfy({ $0 ~= $1 }) else { continue }
            for method in endpoint.methods where !methods.contains(method) { methods.append(method) }
        }
        return methods.sorted { $0.rawValue < $1.rawValue }
    }
}
