import Hummingbird
import PolicyRuntime
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

extension Request {
    /// The whole body, refused with 413 (`tooLarge`) when it is longer than `limit` bytes —
    /// found from `Content-Length` before anything is read, or as soon as the body passes
    /// the limit.
    func collectBody(limit: Int, tooLarge: (Int) -> APIError = APIError.bodyTooLarge) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge(limit) }
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
    }

    /// The body parsed as JSON (400 with line and column when it is not; 415 when the
    /// request says it is something else).
    func jsonBody(limit: Int, tooLarge: (Int) -> APIError = APIError.bodyTooLarge) async throws -> JSONValue {
        let buffer = try await collectJSONBody(limit: limit, tooLarge: tooLarge)
        return try Request.parseJSON(buffer)
    }

    /// The whole body of a JSON request, unparsed: 415 first when `Content-Type` names
    /// another media type, then 413 when it is longer than `limit` bytes.
    func collectJSONBody(limit: Int, tooLarge: (Int) -> APIError = APIError.bodyTooLarge) async throws -> ByteBuffer {
        try JSONMediaType.require(headers[.contentType])
        return try await collectBody(limit: limit, tooLarge: tooLarge)
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
