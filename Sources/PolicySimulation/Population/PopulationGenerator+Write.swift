import PolicyModel
import RecordFormats

extension PopulationGenerator {
    /// The CSV header: the facts drawn, in the order the vocabulary declares them.
    package var csvHeader: String {
        description.columns.map { description.fields[$0].name }.joined(separator: ",")
    }

    /// One person's facts (in drawing order) as one CSV line, with its line break. Bools
    /// are `true`/`false`, a list's items are joined by `|`, as `batch` reads them.
    package func csvLine(_ values: [Value]) -> String {
        var line = ""
        let columns = description.columns
        for position in columns.indices {
            if position > 0 { line += "," }
            let index = columns[position]
            switch values[index] {
            case .string(let text): line += CSVLine.escaped(text, formulas: .keep)
            case .bool(let flag): line += flag ? "true" : "false"
            case .list(let items):
                guard case .list(let element) = description.fields[index].type else { break }
                line += CSVLine.escaped(items.map { $0.display(as: element) }.joined(separator: "|"), formulas: .keep)
            case let value:
                // Numbers, dates and enum values (names) never need quoting.
                line += value.display(as: description.fields[index].type)
            }
        }
        return line + "\n"
    }

    /// One person's facts (in drawing order) as one JSON object on one line, with its line break.
    package func jsonLine(_ values: [Value]) -> String {
        JSONText.write(.object(description.columns.map { index in
            let field = description.fields[index]
            return (field.name, JSONText.value(values[index], type: field.type))
        })) + "\n"
    }

    /// Writes persons `0..<size` to `path` (`-`: standard output) as CSV with a header or
    /// as JSON Lines. `progress` is called with the number written, now and then.
    package func write(size: Int, to path: String, format: RecordFormat? = nil, progress: ((Int) -> Void)? = nil) throws(RecordFileError) {
        guard let format = format ?? RecordFormat(path: path) ?? (path == "-" ? .csv : nil) else {
            throw RecordFileError("`\(path)`: cannot tell the output format; name the file .csv or .jsonl")
        }
        let output = try ByteOutput(path: path)
        if format == .csv { output.write(csvHeader + "\n") }
        let frame = newFrame()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for number in 0..<max(0, size) {
            let values: [Value]
            do {
                values = try person(number, in: frame)
            } catch {
                output.write(buffer)
                try? output.close()
                throw RecordFileError("\(error.span.map { "\($0): " } ?? "")person \(number + 1): \(error.message)")
            }
            buffer.append(contentsOf: (format == .csv ? csvLine(values) : jsonLine(values)).utf8)
            if buffer.count >= 1 << 20 {
                output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?(number + 1)
            }
        }
        output.write(buffer)
        try output.close()
        progress?(max(0, size))
    }
}
