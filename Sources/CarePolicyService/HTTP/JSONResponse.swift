import HTTPTypes
import Hummingbird
import PolicyModel
import PolicyRuntime
import CarePolicy
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

/// JSON and text responses, and the headers that name the policy behind an answer.
enum JSONResponse {
    static func make(_ node: JSONText.Node, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        JSONText.write(node, into: &bytes)
        return json(ByteBuffer(bytes: bytes), status: status, headers: headers)
    }

    static func json(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `CarePolicy-Policy`, `CarePolicy-Policy-Version` and `CarePolicy-Policy-Hash`: every
    /// answer about a policy names the exact text that produced it.
    static func policyHeaders(_ metadata: PolicyMetadata) -> HTTPFields {
        var fields = HTTPFields()
        fields[.carePolicyID] = metadata.id
        fields[.carePolicyVersion] = metadata.version
        fields[.carePolicyHash] = metadata.contentHash
        return fields
    }

    /// `{"id", "version", "hash"}` of a policy, as every response body carries it.
    static func policyReference(_ metadata: PolicyMetadata) -> JSONText.Node {
        JSONText.policy(metadata)
    }
}

extension HTTPField.Name {
    static let carePolicyID = HTTPField.Name("CarePolicy-Policy")!
    static let carePolicyVersion = HTTPField.Name("CarePolicy-Policy-Version")!
    static let carePolicyHash = HTTPField.Name("CarePolicy-Policy-Hash")!
}
