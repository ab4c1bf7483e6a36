import Foundation
import Hummingbird
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `GET /openapi.json`: the OpenAPI 3.1 description of this API, kept in the repository
/// as `Sources/CarePolicyService/Resources/openapi.json` and checked against real
/// responses by the tests.
struct OpenAPIRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/openapi.json") { _, _ in
            guard let document = OpenAPIDocument.text else {
                throw APIError(.internalServerError, code: "openapi_missing", message: "the OpenAPI document was not installed with the binary")
            }
            return JSONResponse.text(document, contentType: "application/json; charset=utf-8")
        }
    }
}

/// The OpenAPI document bundled with the module.
package enum OpenAPIDocument {
    package static let text: String? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }()
}
