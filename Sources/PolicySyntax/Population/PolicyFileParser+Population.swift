import PolicyModel

extension PolicyFileParser {
    /// Reads a population description, collecting every problem it finds.
    ///
    /// ```swift
    /// let syntax = try PolicyFileParser.parsePopulation(text, path: "policies/common/population.yaml")
    /// ```
    package static func parsePopulation(_ text: String, path: String) throws(DiagnosticList) -> PopulationFileSyntax {
        let root = try YAMLReader().read(text, file: path)
        var parser = PolicyFileParser(path: path)
        let top = try MappingReader(root, allowed: PolicyFileKeys.population, context: "the population description", diagnostics: &parser.diagnostics)
        let vocabulary = top.required("vocabulary", diagnostics: &parser.diagnostics,
                                      help: "name the policy file or fragment that declares the facts, relative to this file, e.g. `vocabulary: person.yaml`")
        if top.node("fields") == nil {
            parser.diagnostics.append(.error("the population description is missing `fields`", at: top.span,
                                             help: "list each fact with its distribution, e.g. `fields: {hukou_local: {probability: 0.92}}`"))
        }
        let fields = parser.entries(top.node("fields"), section: "fields").compactMap { parser.parsePopulationField($0) }
        guard let vocabulary, !parser.diagnostics.hasErrors else { throw parser.diagnostics }
        return PopulationFileSyntax(path: path, text: text, vocabulary: Located(vocabulary.text, vocabulary.span), fields: fields)
    }

    /// One fact: a distribution, or a list of cases each but the last with `when`.
    mutating func parsePopulationField(_ entry: YAMLEntry) -> PopulationFieldSyntax? {
        let items: [YAMLNode]
        switch entry.value {
        case .mapping: items = [entry.value]
        case .sequence(let list, _): items = list
        case .scalar:
            diagnostics.append(.error("`\(entry.key)` must be a distribution such as `{probability: 0.05}`, or a list of them with `when`", at: entry.value.span))
            return nil
        }
        if items.isEmpty {
            diagnostics.append(.error("`\(entry.key)` has an empty list of cases", at: entry.value.span, help: "give at least one distribution"))
            return nil
        }
        let cases = items.compactMap { parsePopulationCase($0, field: entry.key) }
        guard cases.count == items.count else { return nil }
        for (position, item) in cases.enumerated() {
            if item.condition == nil, position < cases.count - 1 {
                diagnostics.append(.error("this case of `\(entry.key)` is never used: the case before it has no `when`", at: cases[position + 1].key.span,
                                          help: "only the last case goes without `when`; it covers everyone the cases before it do not"))
                return nil
            }
            if let condition = item.condition, position == cases.count - 1 {
                diagnostics.append(.error("the last case of `\(entry.key)` has a `when`, so some persons would get no value", at: condition.syntax.span,
                                          help: "end with a case without `when`, such as `- {probability: 0.15}`"))
                return nil
            }
        }
        return PopulationFieldSyntax(name: Located(entry.key, entry.keySpan), cases: cases)
    }

    mutating func parsePopulationCase(_ node: YAMLNode, field: String) -> PopulationCaseSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.populationCase, context: "the description of `\(field)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("each case of `\(field)` must be a mapping such as `{when: age >= 80, probability: 0.25}`", at: node.span))
            return nil
        }
        let draws = reader.entries.filter { PolicyFileKeys.populationDraws.contains($0.key) }
        guard let drawEntry = draws.first, draws.count == 1 else {
            let help = "give one of " + PolicyFileKeys.populationDraws.map { "`\($0)`" }.joined(separator: ", ")
            if draws.count > 1 {
                diagnostics.append(.error("the description of `\(field)` gives both `\(draws[0].key)` and `\(draws[1].key)`", at: draws[1].keySpan,
                                          help: "one distribution per case; to draw differently under different conditions, write a list of cases, each with `when`"))
            } else if reader.entries.allSatisfy({ PolicyFileKeys.populationCase.contains($0.key) }) {
                diagnostics.append(.error("the description of `\(field)` gives no distribution", at: reader.span, help: help))
            }
            return nil
        }
        var condition: WrittenExpression?
        if let whenNode = reader.node("when") {
            guard let parsed = parseCondition(whenNode) else { return nil }
            condition = parsed
        }
        guard let draw = parsePopulationDraw(drawEntry, field: field) else { return nil }
        return PopulationCaseSyntax(condition: condition, draw: draw, key: Located(drawEntry.key, drawEntry.keySpan))
    }

    mutating func parsePopulationDraw(_ entry: YAMLEntry, field: String) -> PopulationDrawSyntax? {
        switch entry.key {
        case "probability":
            guard case .scalar(let scalar) = entry.value, let probability = ExactDecimal(scalar.text), probability >= .zero, probability <= ExactDecimal(1) else {
                diagnostics.append(.error("`probability` must be a number from 0 to 1, not \(Self.shown(entry.value))", at: entry.value.span,
                                          help: "e.g. `probability: 0.05` for 5%"))
                return nil
            }
            return .probability(probability)
        case "weights", "shares":
            return parsePopulationChoices(entry, field: field)
        case "bands", "age":
            guard case .sequence(let items, _) = entry.value, !items.isEmpty else {
                diagnostics.append(.error("`\(entry.key)` must be a list of bands such as `- {from: 60, to: 64, weight: 23}`", at: entry.value.span))
                return nil
            }
            let bands = items.compactMap { parsePopulationBand($0, field: field) }
            guard bands.count == items.count else { return nil }
            return entry.key == "age" ? .age(bands) : .bands(bands)
        case "numbered":
            guard case .scalar(let scalar) = entry.value else {
                diagnostics.append(.error("`numbered` must be a single value, the first person's text such as `P00000001`", at: entry.value.span))
                return nil
            }
            let digits = String(scalar.text.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            guard !digits.isEmpty, digits.count <= 18, let first = Int(digits) else {
                diagnostics.append(.error("`numbered` must end in the first person's number (at most 18 digits), not `\(scalar.text)`", at: scalar.span,
                                          help: "e.g. `numbered: P00000001`: later persons are P00000002, P00000003, …"))
                return nil
            }
            return .numbered(prefix: String(scalar.text.dropLast(digits.count)), first: first, width: digits.count)
        default:
            guard case .scalar(let scalar) = entry.value else {
                diagnostics.append(.error("`value` must be a single value", at: entry.value.span))
                return nil
            }
            return .value(scalar)
        }
    }

    /// `weights: {a: 3, b: 1}` or `shares: {a: 0.75, b: 0.25}`.
    mutating func parsePopulationChoices(_ entry: YAMLEntry, field: String) -> PopulationDrawSyntax? {
        let isWeights = entry.key == "weights"
        guard case .mapping(let entries, let span) = entry.value, !entries.isEmpty else {
            diagnostics.append(.error("`\(entry.key)` must map each value to its \(isWeights ? "weight" : "share"), e.g. `\(isWeights ? "{urban: 3, rural: 2}" : "{rural: 0.40, urban: 0.60}")`",
                                      at: entry.value.span))
            return nil
        }
        var choices: [PopulationChoiceSyntax] = []
        for choice in entries {
            let value = YAMLScalar(text: choice.key, span: choice.keySpan, style: .plain)
            guard case .scalar(let scalar) = choice.value else {
                diagnostics.append(.error("the \(isWeights ? "weight" : "share") of `\(choice.key)` must be a single number", at: choice.value.span))
                continue
            }
            if isWeights {
                guard let weight = Int64(scalar.text), weight > 0, weight <= Self.largestWeight else {
                    diagnostics.append(.error("a weight must be a whole number from 1 to \(Self.largestWeight), not `\(scalar.text)`", at: scalar.span,
                                              help: "weights are relative: `{a: 3, b: 1}` draws `a` three times as often as `b`"))
                    continue
                }
                choices.append(PopulationChoiceSyntax(value: value, amount: ExactDecimal(weight)))
            } else {
                guard let share = ExactDecimal(scalar.text), share > .zero, share <= ExactDecimal(1) else {
                    diagnostics.append(.error("a share must be a number above 0 and at most 1, not `\(scalar.text)`", at: scalar.span))
                    continue
                }
                choices.append(PopulationChoiceSyntax(value: value, amount: share))
            }
        }
        guard choices.count == entries.count else { return nil }
        if isWeights { return .weights(choices) }
        let total = choices.reduce(ExactDecimal.zero) { (try? $0.adding($1.amount)) ?? $0 }
        guard total == ExactDecimal(1) else {
            diagnostics.append(.error("the shares of `\(field)` add up to \(total.formatted(places: nil)), not 1", at: span,
                                      help: "shares are fractions of everyone; for relative amounts use `weights`"))
            return nil
        }
        return .shares(choices)
    }

    mutating func parsePopulationBand(_ node: YAMLNode, field: String) -> PopulationBandSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.populationBand, context: "a band of `\(field)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("each band of `\(field)` must be a mapping such as `{from: 60, to: 64, weight: 23}`", at: node.span))
            return nil
        }
        var numbers: [Int] = []
        for key in PolicyFileKeys.populationBand {
            guard let scalar = reader.required(key, diagnostics: &diagnostics) else { continue }
            guard let number = Int(scalar.text), abs(number) <= Self.largestWeight, key != "weight" || number > 0 else {
                diagnostics.append(.error(key == "weight" ? "a weight must be a whole number from 1 to \(Self.largestWeight), not `\(scalar.text)`"
                                                          : "`\(key)` must be a whole number, not `\(scalar.text)`", at: scalar.span))
                continue
            }
            numbers.append(number)
        }
        guard numbers.count == 3 else { return nil }
        if numbers[0] > numbers[1], let span = reader.entry("to")?.value.span {
            diagnostics.append(.error("the band ends (\(numbers[1])) before it starts (\(numbers[0]))", at: span))
            return nil
        }
        return PopulationBandSyntax(from: numbers[0], to: numbers[1], weight: numbers[2], span: reader.span)
    }

    /// Weights and band bounds stay below this, so sums never overflow.
    static let largestWeight = 1_000_000_000_000

    /// A node as a message shows it: a single value in backticks, else its kind.
    static func shown(_ node: YAMLNode) -> String {
        if case .scalar(let scalar) = node { return "`\(scalar.text)`" }
        return node.kindDescription
    }
}
