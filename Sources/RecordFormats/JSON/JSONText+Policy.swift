import PolicyModel

extension JSONText {
    /// `{"id": …, "version": …, "hash": …}`: which policy, exactly, gave an answer.
    package static func policy(_ metadata: PolicyMetadata) -> Node {
        .object([("id", .string(metadata.id)), ("version", .string(metadata.version)), ("hash", .string(metadata.contentHash))])
    }
}
