/// Where something is written: a file, a 1-based line and column (counted in Unicode
/// scalars, so one per Chinese character), and how many columns it covers.
///
/// Spans are data, not identity: two rules are equal whatever their spans.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(length, 1)
    }

    /// `policies/anqing.yaml:42:7`
    public var description: String { "\(file):\(line):\(column)" }

    /// The same place moved `offset` columns right and narrowed to `length`.
    public func shifted(by offset: Int, length: Int) -> SourceSpan {
        SourceSpan(file: file, line: line, column: column + offset, length: length)
    }
}
