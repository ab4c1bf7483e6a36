import PolicyModel

/// Places offsets of one scalar's text in the file (`YAMLScalar.span(offset:length:)`),
/// for the expression parser, which asks for many.
package struct ScalarLocator {
    let scalar: YAMLScalar

    package init(_ scalar: YAMLScalar) {
        self.scalar = scalar
    }

    /// The span of `length` characters starting `offset` characters into the text.
    package func span(offset: Int, length: Int) -> SourceSpan {
        scalar.span(offset: offset, length: length)
    }
}
