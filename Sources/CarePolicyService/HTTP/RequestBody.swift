import Hummingbird
import PolicyRuntime
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

extension Request {
    /// The whole body, refused with 413 when it is longer than `limit` bytes.
    func collectBody(limit: Int) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw APIError.bodyTooLarge(limit: limit) }
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(limit: limit)
        }
    }

    /// The body parsed as JSON (400 with line and column when it is not).
    func jsonBody(limit: Int) async throws -> JSONValue {
        let buffer = try await collectBody(limit: limit)
        return try Request.parseJSON(buffer)
    }

    /// A collected body parsed as JSON (400 with line and column when it is not).
    /// Not inlined: inlined into an async route, it crashed the release compiler here
    /// (LLVM coroutine splitting, signal 11).
    @inline(never)
    static func parseJSON(_ buffer: ByteBuffer) throws(APIError) -> JSONValue {
        if buffer.readableBytes == 0 { throw APIError(.badRequest, code: "invalid_json", message: "the request body is empty; send a JSON object") }
        let result: Result<JSONValue, JSONSyntaxError> = buffer.withUnsafeReadableBytes { bytes in
            do throws(JSONSyntaxError) { return .success(try JSONReader.parse(bytes)) } catch { return .failure(error) }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw APIError.invalidJSON(error)
        }
    }
}
