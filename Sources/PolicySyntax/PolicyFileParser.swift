import PolicyModel

/// Reads one policy file into a `PolicyFile`, collecting every problem it finds.
///
/// ```swift
/// let file = try PolicyFileParser.parse(text, path: "policies/anqing.yaml")
/// ```
package struct PolicyFileParser {
    var diagnostics = DiagnosticList()
    let path: String

    package static func parse(_ text: String, path: String) throws(DiagnosticList) -> PolicyFile {
        let root = try YAMLReader().read(text, file: path)
        var parser = PolicyFileParser(path: path)
        let file = try parser.parseFile(root, text: text)
        if parser.diagnostics.hasErrors { throw parser.diagnostics }
        return file
    }

    mutating func parseFile(_ root: YAMLNode, text: String) throws(DiagnosticList) -> PolicyFile {
        let top = try MappingReader(root, allowed: PolicyFileKeys.file, context: .policyFile, diagnostics: &diagnostics)
        let header = top.node("policy").flatMap { parseHeader($0) }
        let extends = top.scalar("extends", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        let includes = top.list("include", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        var inputs: [InputSyntax] = [], parameters: [ParameterSyntax] = []
        var definitions: [DefinitionSyntax] = [], decisions: [DecisionSyntax] = []
        for entry in entries(top.node("inputs"), section: "inputs") { if let input = parseInput(entry) { inputs.append(input) } }
        for entry in entries(top.node("parameters"), section: "parameters") { if let parameter = parseParameter(entry) { parameters.append(parameter) } }
        for entry in entries(top.node("definitions"), section: "definitions") { if let definition = parseDefinition(entry) { definitions.append(definition) } }
        for entry in entries(top.node("decisions"), section: "decisions") { if let decision = parseDecision(entry) { decisions.append(decision) } }
        let ledger = top.node("ledger").flatMap { parseLedger($0) }
        let approval = top.node("approval").flatMap { parseApproval($0) }
        let programs = entries(top.node("programs"), section: "programs").compactMap { parseProgram($0) }
        let compliance = top.node("compliance").flatMap { parseCompliance($0) }
        return PolicyFile(path: path, text: text, header: header, extends: extends, includes: includes, inputs: inputs,
                          parameters: parameters, definitions: definitions, decisions: decisions,
                          ledger: ledger, approval: approval, programs: programs, compliance: compliance)
    }

    /// The `name: {…}` entries of a section.
    mutating func entries(_ node: YAMLNode?, section: String) -> [YAMLEntry] {
        guard let node else { return [] }
        guard case .mapping(let entries, _) = node else {
            diagnostics.append(.error(.sectionNotMapping(section, node.kind), at: node.span, help: .writeEachNameIndented))
            return []
        }
        for entry in entries where !Self.isValidName(entry.key) {
            diagnostics.append(.error(.invalidName(entry.key), at: entry.keySpan, help: .nameCharacters))
        }
        return entries.filter { Self.isValidName($0.key) }
    }

    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    mutating func parseHeader(_ node: YAMLNode) -> PolicyHeaderSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.header, context: .section("policy"), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.headerShape, at: node.span))
            return nil
        }
        let id = reader.required("id", diagnostics: &diagnostics, help: .givePolicyID)
        let title = reader.required("title", diagnostics: &diagnostics, help: .givePolicyTitle)
        let version = reader.required("version", diagnostics: &diagnostics, help: .giveVersion)
        if let id, !Self.isValidPolicyID(id.text) {
            diagnostics.append(.error(.invalidPolicyID(id.text), at: id.span, help: .policyIDCharacters))
        }
        let sources = reader.list("sources", diagnostics: &diagnostics).map(\.text)
        guard let id, let title, let version else { return nil }
        return PolicyHeaderSyntax(id: Located(id.text, id.span), title: Located(title.text, title.span),
                                  titleEnglish: reader.text("title_en", diagnostics: &diagnostics),
                                  version: Located(version.text, version.span),
                                  effectiveFrom: reader.scalar("effective_from", diagnostics: &diagnostics),
                                  effectiveUntil: reader.scalar("effective_until", diagnostics: &diagnostics),
                                  sources: sources, span: reader.span)
    }

    package static func isValidPolicyID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.unicodeScalars.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    mutating func parseType(_ reader: MappingReader) -> TypeSyntax? {
        let valuesNode = reader.node("values")
        var values: [TypeSyntax.EnumValue]?
        if let valuesNode {
            values = parseEnumValues(valuesNode)
        }
        guard let typeScalar = reader.scalar("type", diagnostics: &diagnostics) else {
            if values != nil, let entry = reader.entry("values") {
                return TypeSyntax(base: Located("enum", entry.keySpan), isList: false, values: values)
            }
            return nil
        }
        var base = typeScalar.text
        var isList = false
        if base.hasPrefix("list of ") {
            isList = true
            base = String(base.dropFirst("list of ".count))
        }
        if !PolicyFileKeys.typeNames.contains(base) {
            diagnostics.append(.error(.unknownType(typeScalar.text), at: typeScalar.span,
                                      help: NameSuggestion.closest(to: base, in: PolicyFileKeys.typeNames).map { .suggestion(.didYouMean($0)) } ?? .typesAre))
            return nil
        }
        if base == "enum" && values == nil {
            diagnostics.append(.error(.enumNeedsValues, at: typeScalar.span, help: .listEnumValues))
            return nil
        }
        if base != "enum", let valuesNode {
            diagnostics.append(.error(.valuesNeedEnum(typeScalar.text), at: valuesNode.span))
        }
        return TypeSyntax(base: Located(base, typeScalar.span), isList: isList, values: values)
    }

    mutating func parseEnumValues(_ node: YAMLNode) -> [TypeSyntax.EnumValue]? {
        var values: [TypeSyntax.EnumValue] = []
        switch node {
        case .mapping(let entries, _):
            for entry in entries {
                guard case .scalar(let label) = entry.value else {
                    diagnostics.append(.error(.enumLabelNotText(entry.key), at: entry.value.span))
                    continue
                }
                values.append(.init(name: entry.key, label: label.text, span: entry.keySpan))
            }
        case .sequence(let items, _):
            for item in items {
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(.error(.enumValueNotName, at: item.span))
                    continue
                }
                values.append(.init(name: scalar.text, label: nil, span: scalar.span))
            }
        case .scalar(let scalar):
            diagnostics.append(.error(.valuesNotList, at: scalar.span, help: .writeValuesList))
            return nil
        }
        var seen = Set<String>()
        for value in values {
            if !Self.isValidName(value.name) {
                diagnostics.append(.error(.invalidEnumValue(value.name), at: value.span, help: .lowercaseDigitsUnderscore))
            }
            if !seen.insert(value.name).inserted {
                diagnostics.append(.error(.enumValueTwice(value.name), at: value.span))
            }
        }
        if values.isEmpty {
            diagnostics.append(.error(.enumNeedsOneValue, at: node.span))
            return nil
        }
        return values
    }

    mutating func parseInput(_ entry: YAMLEntry) -> InputSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.input, context: .input(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.inputShape(entry.key), at: entry.value.span))
            return nil
        }
        let type = parseType(reader)
        if type == nil && reader.node("type") == nil && reader.node("values") == nil {
            diagnostics.append(.error(.inputMissingType(entry.key), at: entry.keySpan, help: .sayFactType))
        }
        return InputSyntax(name: Located(entry.key, entry.keySpan), type: type,
                           label: reader.text("label", diagnostics: &diagnostics),
                           labelEnglish: reader.text("label_en", diagnostics: &diagnostics),
                           defaultValue: reader.scalar("default", diagnostics: &diagnostics),
                           minimum: reader.scalar("min", diagnostics: &diagnostics),
                           maximum: reader.scalar("max", diagnostics: &diagnostics),
                           decimals: reader.scalar("decimals", diagnostics: &diagnostics),
                           notAfter: reader.scalar("not_after", diagnostics: &diagnostics),
                           provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseParameter(_ entry: YAMLEntry) -> ParameterSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.parameter, context: .parameter(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.parameterShape(entry.key), at: entry.value.span))
            return nil
        }
        var periods: [ParameterSyntax.Period] = []
        if let single = reader.scalar("value", diagnostics: &diagnostics) {
            periods.append(.init(from: reader.scalar("from", diagnostics: &diagnostics), value: single, provenance: ProvenanceSyntax(source: nil, note: nil), span: single.span))
        }
        if let timeline = reader.node("timeline") {
            guard case .sequence(let items, _) = timeline else {
                diagnostics.append(.error(.timelineNotList, at: timeline.span))
                return nil
            }
            for item in items {
                guard let period = try? MappingReader(item, allowed: PolicyFileKeys.parameterPeriod, context: .timelineEntry(of: entry.key), diagnostics: &diagnostics) else {
                    diagnostics.append(.error(.timelineEntryShape, at: item.span))
                    continue
                }
                guard let value = period.required("value", diagnostics: &diagnostics),
                      let from = period.required("from", diagnostics: &diagnostics, help: .sayFromDate) else { continue }
                periods.append(.init(from: from, value: value, provenance: period.provenance(diagnostics: &diagnostics), span: period.span))
            }
        }
        if reader.node("value") != nil && reader.node("timeline") != nil {
            diagnostics.append(.error(.valueAndTimeline(entry.key), at: entry.keySpan, help: .putEveryValueInTimeline))
        }
        if reader.node("value") == nil && reader.node("timeline") == nil && reader.node("from") != nil && reader.node("same_as") == nil {
            diagnostics.append(.error(.fromWithoutValue(entry.key), at: entry.keySpan))
        }
        let sameAs = reader.scalar("same_as", diagnostics: &diagnostics)
        if let sameAs {
            // A linked parameter takes every value of the one it names: values of its own would contradict the link.
            for key in ["value", "timeline", "from"] {
                guard let given = reader.entry(key) else { continue }
                diagnostics.append(.error(.sameAsAndValues(entry.key, key: key), at: given.keySpan,
                                          help: .sameAsGivesEveryValue(sameAs.text, key: key)))
            }
        }
        return ParameterSyntax(name: Located(entry.key, entry.keySpan), type: parseType(reader),
                               label: reader.text("label", diagnostics: &diagnostics), periods: sameAs == nil ? periods : [],
                               sameAs: sameAs, unit: reader.scalar("unit", diagnostics: &diagnostics),
                               provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseDefinition(_ entry: YAMLEntry) -> DefinitionSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.definition, context: .definition(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.definitionShape(entry.key), at: entry.value.span))
            return nil
        }
        guard let scalar = reader.required("expr", diagnostics: &diagnostics, help: .writeDefinitionExpression),
              let expression = parseExpression(scalar) else { return nil }
        return DefinitionSyntax(name: Located(entry.key, entry.keySpan), type: parseType(reader),
                                label: reader.text("label", diagnostics: &diagnostics), expression: expression,
                                provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseExpression(_ scalar: YAMLScalar) -> WrittenExpression? {
        do {
            return try ExpressionParser.parse(scalar)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }
}
