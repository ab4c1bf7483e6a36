import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// What the service does with requests that are not quite right: another media type than
/// JSON (415), a method the endpoint does not take (405 with `Allow`), the bearer scheme
/// in lower case, a record over the record limit (413).
@Suite("Media types, methods, bearer credentials, record limits")
struct RequestHygieneTests {
    static let evaluation = "{\"facts\": \(SamplePerson.json()), \"as_of\": \"2026-06-01\"}"

    @Test(arguments: [
        ("text/plain", 415),
        ("application/x-www-form-urlencoded", 415),
        ("application/xml", 415),
        ("application/json", 200),
        ("application/json; charset=utf-8", 200),
        ("Application/JSON", 200),
        ("application/problem+json", 200),
        ("", 200),
    ])
    func jsonEndpointsTakeJSONOrNoContentType(contentType: String, status: Int) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let headers: HTTPFields = contentType.isEmpty ? [:] : [.contentType: contentType]
            let response = try await client.post("/v1/policies/anqing/evaluate", body(Self.evaluation), headers: headers)
            #expect(Int(response.status.code) == status)
            if status == 415 {
                #expect(response.errorCode == "unsupported_media_type")
                let message = (response.json["error"] as? [String: Any])?["message"] as? String
                #expect(message == "this endpoint reads JSON, but the request's Content-Type is `\(contentType)`; "
                        + "send `Content-Type: application/json` (curl: -H 'Content-Type: application/json') or no Content-Type")
            }
            let batch = try await client.post("/v1/policies/anqing/evaluate-batch", body("{\"records\": [\(SamplePerson.json())], \"as_of\": \"2026-06-01\"}"),
                                              headers: headers)
            #expect(Int(batch.status.code) == status)
        }
    }

    @Test(arguments: [
        // (method, path, Allow)
        (HTTPRequest.Method.get, "/v1/policies/anqing/evaluate", "POST"),
        (.put, "/v1/policies/anqing/evaluate-batch", "POST"),
        (.delete, "/v1/policies/anqing", "GET"),
        (.post, "/healthz", "GET"),
        (HTTPRequest.Method("TRACE")!, "/healthz", "GET"),
        (HTTPRequest.Method("TRACE")!, "/v1/policies/anqing/evaluate", "POST"),
        (.options, "/v1/admin/policies/anqing", "PUT"),
        (.get, "/v1/admin/reload", "POST"),
    ])
    func aMethodTheEndpointDoesNotTakeIs405WithAllow(method: HTTPRequest.Method, path: String, allow: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.executeRequest(uri: path, method: method, headers: [:], body: nil)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allow)
            #expect(response.errorCode == "method_not_allowed")
            let message = (response.json["error"] as? [String: Any])?["message"] as? String
            #expect(message == "\(path) does not take \(method.rawValue); it takes \(allow)")
        }
    }

    @Test func aPathThatIsNoEndpointStays404() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            for method in [HTTPRequest.Method.get, HTTPRequest.Method("TRACE")!] {
                let response = try await client.executeRequest(uri: "/v1/nothing/here", method: method, headers: [:], body: nil)
                #expect(response.status == .notFound)
                #expect(response.headers[.allow] == nil)
            }
        }
    }

    @Test(arguments: ["bearer test-token-0123456789", "BEARER test-token-0123456789", "Bearer   test-token-0123456789", "bEaReR test-token-0123456789 "])
    func theBearerSchemeIsMatchedWithoutRegardToCase(header: String) async throws {
        let harness = try ServiceHarness { configuration in
            configuration.adminToken = "test-token-0123456789"
            configuration.reloadInterval = .seconds(3600)
        }
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/admin/reload", nil, headers: [.authorization: header])
            #expect(response.status == .ok)
        }
    }

    @Test func anEvaluateBodyOverTheRecordLimitIs413() async throws {
        let harness = try ServiceHarness { $0.maxRecordBytes = 1000 }
        defer { harness.remove() }
        try await harness.test { client in
            let padded = "{\"facts\": \(SamplePerson.json()), \"as_of\": \"2026-06-01\"}" + String(repeating: " ", count: 1000)
            let response = try await client.post("/v1/policies/anqing/evaluate", body(padded))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "record_too_large")
            let message = (response.json["error"] as? [String: Any])?["message"] as? String
            #expect(message == "the request body is more than the record limit of 1000 bytes (1000 bytes); one person's facts are far smaller — "
                    + "check what is sent, or raise the limit with `carepolicy serve --max-record-bytes`")
            let fits = try await client.post("/v1/policies/anqing/evaluate", body(Self.evaluation))
            #expect(fits.status == .ok)
        }
    }

    @Test(arguments: [true, false])
    func aBatchRecordOverTheRecordLimitGetsItsOwnErrorAndTheOthersAreEvaluated(inPlace: Bool) async throws {
        let harness = try ServiceHarness { configuration in
            configuration.maxRecordBytes = 1000
            configuration.inPlaceBatch = inPlace
        }
        defer { harness.remove() }
        let large = SamplePerson.json(["id": String(repeating: "x", count: 1200)])
        let small = SamplePerson.json(["id": "S-1"])
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate-batch", body("{\"records\": [\(small), \(large), \(small)], \"as_of\": \"2026-06-01\"}"))
            #expect(response.status == .ok)
            #expect(response.json["count"] as? Int == 3)
            #expect(response.json["failed"] as? Int == 1)
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results.count == 3)
            #expect(value(results, "0", "id") as? String == "S-1")
            #expect(value(results, "1", "index") as? Int == 1)
            #expect(value(results, "1", "status") as? Int == 413)
            #expect(value(results, "1", "error", "code") as? String == "record_too_large")
            let size = Array(large.utf8).count
            let measured = inPlace ? size : (value(results, "1", "error", "message") as? String).flatMap { $0.split(separator: " ")[3] }.flatMap { Int($0) } ?? -1
            #expect(value(results, "1", "error", "message") as? String
                    == "record 1 is \(measured) bytes, more than the record limit of 1000 bytes (1000 bytes); raise it with `carepolicy serve --max-record-bytes`")
            #expect(measured > 1000)
            #expect(value(results, "2", "id") as? String == "S-1")
        }
    }
}
