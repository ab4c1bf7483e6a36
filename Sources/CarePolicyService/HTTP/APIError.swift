import Hummingbird
import PolicyRuntime
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

/// An error a client can act on, answered as
/// `{"error": {"code", "message", "field"?, "line"?, "column"?, "problems"?}}` with its status.
///
/// ```swift
/// throw APIError(.notFound, code: "unknown_policy", message: "no policy `x`; served: anqing, dongxihu")
/// ```
package struct APIError: HTTPResponseError, Sendable {
    package let status: HTTPResponse.Status
    package let code: String
    package let message: String
    package var field: String?
    package var line: Int?
    package var column: Int?
    /// Every problem, when there are several (invalid facts, a refused policy file), in the client's language.
    package var problems: @Sendable (Language) -> [JSONText.Node] = { _ in [] }
    /// Headers that name the policy the error concerns.
    package var headers: HTTPFields = [:]

    package init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.line = line
        self.column = column
    }

    func json(_ language: Language) -> JSONText.Node {
        let problems = self.problems(language)
        var entries: [(String, JSONText.Node)] = [("code", .string(code)), ("message", .string(message))]
        if let field { entries.append(("field", .string(field))) }
        if let line { entries.append(("line", .integer(Int64(line)))) }
        if let column { entries.append(("column", .integer(Int64(column)))) }
        if !problems.isEmpty { entries.append(("problems", .array(problems))) }
        return .object([("error", .object(entries))])
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(json(request.language), status: status, headers: headers)
    }
}

extension APIError {
    static func unknownPolicy(_ id: String, served: [String]) -> APIError {
        APIError(.notFound, code: "unknown_policy",
                 message: "no policy `\(id)` is served; served policies: \(served.sorted().joined(separator: ", "))", field: "id")
    }

    static func variantNotServed(_ variant: ServedPolicy, live: [String]) -> APIError {
        let base = variant.metadata.extends.map { " of `\($0)`" } ?? ""
        var error = APIError(.notFound, code: "variant_not_served",
                             message: "`\(variant.metadata.id)` is a what-if variant\(base) (\(variant.metadata.file)), not a live policy: it decides nothing about real persons here; compare it with POST /v1/whatif, or start the service with --serve-variants; live policies: \(live.joined(separator: ", "))",
                             field: "id")
        error.headers = JSONResponse.policyHeaders(variant.metadata)
        return error
    }

    static func invalidPolicyID(_ id: String) -> APIError {
        APIError(.badRequest, code: "invalid_policy_id", message: "`\(id)` is not a policy id: use \(PolicyIdentifier.rule)", field: "id")
    }

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "the request body is larger than \(limit) bytes; send fewer records per request")
    }

    /// A body that is one record (an `evaluate` request) over the record limit.
    static func recordBodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "record_too_large",
                 message: "the request body is more than the record limit of \(limit) bytes (\(RecordLimit.describe(limit))); "
                     + "one person's facts are far smaller — check what is sent, or raise the limit with `carepolicy serve --max-record-bytes`")
    }

    /// One record of a request (a batch record, an elder, a service record) over the record limit.
    static func recordTooLarge(_ what: String, bytes: Int, limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "record_too_large",
                 message: "\(what) is \(bytes) bytes, more than the record limit of \(limit) bytes (\(RecordLimit.describe(limit))); "
                     + "raise it with `carepolicy serve --max-record-bytes`")
    }

    static func invalidJSON(_ error: JSONSyntaxError) -> APIError {
        APIError(.badRequest, code: "invalid_json", message: "the body is not valid JSON: \(error.message)", line: error.line, column: error.column)
    }

    static func invalidField(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_request", message: "`\(field)`: \(message)", field: field)
    }
}
