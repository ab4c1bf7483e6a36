import PolicyModel
import PolicyRuntime
import RecordFormats

/// A record of a facts file that could not be decoded (or was longer than the record
/// limit): its line, its `id` if it has one, and why.
package struct FactsFileProblem: Sendable {
    package let line: Int
    package let id: String?
    package let message: String
}

extension RecordSource {
    /// Every record of a CSV or JSON Lines file of facts, read whole (a file of persons
    /// judged together: the elders of a compliance run), with the line of each; records
    /// that do not decode are listed apart. Blank lines are skipped.
    ///
    /// ```swift
    /// let source = try RecordSource(path: "elders.csv", format: nil, blockSize: 1 << 20)
    /// let (elders, problems) = try source.readAllFacts(for: policy.checked)
    /// ```
    package func readAllFacts(for policy: CheckedPolicy) throws(RecordFileError) -> (facts: [(line: Int, facts: Facts)], problems: [FactsFileProblem]) {
        let decoder = try decoder(for: policy)
        var scratch = RecordDecoder.Scratch()
        var facts: [(line: Int, facts: Facts)] = []
        var problems: [FactsFileProblem] = []
        var chunk = first
        while let current = chunk {
            current.forEachLine({ line, number in
                switch decoder.decode(line, scratch: &scratch) {
                case .blank: break
                case .facts(let decoded): facts.append((number, decoded))
                case .invalid(let id, let error): problems.append(FactsFileProblem(line: number, id: id, message: error.description))
                }
            }, tooLong: { skipped in
                problems.append(FactsFileProblem(line: skipped.line, id: nil, message: skipped.message))
            })
            chunk = reader.next()
        }
        if let failure = reader.failure { throw RecordFileError(failure) }
        return (facts, problems)
    }
}
