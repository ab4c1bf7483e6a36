import Foundation
import Hummingbird

/// What a JSON endpoint accepts as its body's `Content-Type`: `application/json`, any
/// `application/…+json` (`application/merge-patch+json`), with or without parameters
/// (`; charset=utf-8`), in any case. A request without `Content-Type` is read as JSON, so
/// that `curl --data-binary @body.json` and simple clients keep working; any other media
/// type (`text/plain`, `application/x-www-form-urlencoded` — what `curl -d` sends when not
/// told otherwise) is answered 415 `unsupported_media_type`.
///
/// ```swift
/// try JSONMediaType.require("application/json; charset=utf-8")   // accepted
/// try JSONMediaType.require("text/csv")                           // throws 415
/// ```
enum JSONMediaType {
    static func require(_ contentType: String?) throws(APIError) {
        guard let contentType, !isJSON(contentType) else { return }
        throw APIError(.unsupportedMediaType, code: "unsupported_media_type",
                       message: "this endpoint reads JSON, but the request's Content-Type is `\(contentType)`; "
                           + "send `Content-Type: application/json` (curl: -H 'Content-Type: application/json') or no Content-Type")
    }

    /// Whether a `Content-Type` value names JSON (blank counts as absent).
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let name = mediaType.trimmingCharacters(in: .whitespaces).lowercased()
        if name.isEmpty || name == "application/json" { return true }
        return name.hasPrefix("application/") && name.hasSuffix("+json")
    }
}
