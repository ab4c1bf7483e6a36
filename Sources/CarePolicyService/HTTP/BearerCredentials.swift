/// The token of an `Authorization: Bearer TOKEN` header. The scheme is matched without
/// regard to case (RFC 9110 §11.1: `bearer`, `BEARER` and `Bearer` are the same), and any
/// number of spaces may separate it from the token.
///
/// ```swift
/// BearerCredentials.token(in: "bearer  s3cret")   // "s3cret"
/// BearerCredentials.token(in: "Basic dXNlcg==")   // nil
/// ```
enum BearerCredentials {
    static func token(in header: String?) -> String? {
        guard let header else { return nil }
        let trimmed = header.drop { $0 == " " || $0 == "\t" }
        let scheme = trimmed.prefix { $0 != " " && $0 != "\t" }
        guard scheme.lowercased() == "bearer" else { return nil }
        let token = trimmed.dropFirst(scheme.count).drop { $0 == " " || $0 == "\t" }
        let value = String(token.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        return value.isEmpty ? nil : value
    }
}
