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

    static func invalidPolicyID(_ id: String) -> APIError {
        APIError(.badRequest, code: "invalid_policy_id", message: "`\(id)` is not a policy id: use \(PolicyIdentifier.rule)", field: "id")
    }

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "the request body is larger than \(limit) bytes; send fewer records per request")
    }

    static func invalidJSON(_ error: JSONSyntaxError) -> APIError {
        APIError(.badRequest, code: "invalid_json", message: "the body is not valid JSON: \(error.message)", line: error.line, column: error.column)
    }

    static func invalidField(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_request", message: "`\(field)`: \(message)", field: field)
    }
}
