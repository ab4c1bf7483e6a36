import HTTPTypes
import Hummingbird
import HummingbirdTesting

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .get, headers: headers, body: nil)
    }

    func post(_ uri: String, _ body: ByteBuffer?, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .post, headers: headers, body: body)
    }

    func put(_ uri: String, _ body: ByteBuffer?, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .put, headers: headers, body: body)
    }
}
