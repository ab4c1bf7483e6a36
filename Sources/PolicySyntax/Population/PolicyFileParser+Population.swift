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
        let top = try MappingReader(root, allowed: PolicyFileKeys.population, context: .populationDescription, diagnostics: &parser.diagnostics)
        let vocabulary = top.required("vocabulary", diagnostics: &parser.diagnostics,
                                      help: .vocabularyHelp)
        if top.node("fields") == nil {
            parser.diagnostics.append(.error(.populationMissingFields, at: top.span, help: .listFieldsWithDistributions))
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
            diagnostics.append(.error(.populationFieldShape(entry.key), at: entry.value.span))
            return nil
        }
        if items.isEmpty {
            diagnostics.append(.error(.populationNoCases(entry.key), at: entry.value.span, help: .giveOneDistribution))
            return nil
        }
        let cases = items.compactMap { parsePopulationCase($0, field: entry.key) }
        guard cases.count == items.count else { return nil }
        for (position, item) in cases.enumerated() {
            if item.condition == nil, position < cases.count - 1 {
                diagnostics.append(.error(.populationCaseNeverUsed(entry.key), at: cases[position + 1].key.span, help: .onlyLastCaseWithoutWhen))
                return nil
            }
            if let condition = item.condition, position == cases.count - 1 {
                diagnostics.append(.error(.populationLastCaseHasWhen(entry.key), at: condition.syntax.span, help: .endWithCaseWithoutWhen))
                return nil
            }
        }
        return PopulationFieldSyntax(name: Located(entry.key, entry.keySpan), cases: cases)
    }

    mutating func parsePopulationCase(_ node: YAMLNode, field: String) -> PopulationCaseSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.populationCase, context: .populationCase(field: field), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.populationCaseShape(field), at: node.span))
            return nil
        }
        let draws = reader.entries.filter { PolicyFileKeys.populationDraws.contains($0.key) }
        guard let drawEntry = draws.first, draws.count == 1 else {
            if draws.count > 1 {
                diagnostics.append(.error(.populationTwoDraws(field, draws[0].key, draws[1].key), at: draws[1].keySpan, help: .oneDistributionPerCase))
            } else if reader.entries.allSatisfy({ PolicyFileKeys.populationCase.contains($0.key) }) {
                diagnostics.append(.error(.populationNoDraw(field), at: reader.span, help: .giveOneOf(PolicyFileKeys.populationDraws)))
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
                diagnostics.append(.error(.probabilityRange(Self.shown(entry.value)), at: entry.value.span, help: .probabilityExample))
                return nil
            }
            return .probability(probability)
        case "weights", "shares":
            return parsePopulationChoices(entry, field: field)
        case "bands", "age":
            guard case .sequence(let items, _) = entry.value, !items.isEmpty else {
                diagnostics.append(.error(.bandsShape(entry.key), at: entry.value.span))
                return nil
            }
            let bands = items.compactMap { parsePopulationBand($0, field: field) }
            guard bands.count == items.count else { return nil }
            return entry.key == "age" ? .age(bands) : .bands(bands)
        case "numbered":
            guard case .scalar(let scalar) = entry.value else {
                diagnostics.append(.error(.numberedShape, at: entry.value.span))
                return nil
            }
            let digits = String(scalar.text.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            guard !digits.isEmpty, digits.count <= 18, let first = Int(digits) else {
                diagnostics.append(.error(.numberedDigits(scalar.text), at: scalar.span, help: .numberedExample))
                return nil
            }
            return .numbered(prefix: String(scalar.text.dropLast(digits.count)), first: first, width: digits.count)
        default:
            guard case .scalar(let scalar) = entry.value else {
                diagnostics.append(.error(.valueNotSingle, at: entry.value.span))
                return nil
            }
            return .value(scalar)
        }
    }

    /// `weights: {a: 3, b: 1}` or `shares: {a: 0.75, b: 0.25}`.
    mutating func parsePopulationChoices(_ entry: YAMLEntry, field: String) -> PopulationDrawSyntax? {
        let isWeights = entry.key == "weights"
        guard case .mapping(let entries, let span) = entry.value, !entries.isEmpty else {
            diagnostics.append(.error(.choicesShape(entry.key, weights: isWeights), at: entry.value.span))
            return nil
        }
        var choices: [PopulationChoiceSyntax] = []
        for choice in entries {
            let value = YAMLScalar(text: choice.key, span: choice.keySpan, style: .plain)
            guard case .scalar(let scalar) = choice.value else {
                diagnostics.append(.error(.choiceNotNumber(choice.key, weights: isWeights), at: choice.value.span))
                continue
            }
            if isWeights {
                guard let weight = Int64(scalar.text), weight > 0, weight <= Self.largestWeight else {
                    diagnostics.append(.error(.weightRange(limit: Self.largestWeight, found: scalar.text), at: scalar.span, help: .weightsAreRelative))
                    continue
                }
                choices.append(PopulationChoiceSyntax(value: value, amount: ExactDecimal(weight)))
            } else {
                guard let share = ExactDecimal(scalar.text), share > .zero, share <= ExactDecimal(1) else {
                    diagnostics.append(.error(.shareRange(scalar.text), at: scalar.span))
                    continue
                }
                choices.append(PopulationChoiceSyntax(value: value, amount: share))
            }
        }
        guard choices.count == entries.count else { return nil }
        if isWeights { return .weights(choices) }
        let total = choices.reduce(ExactDecimal.zero) { (try? $0.adding($1.amount)) ?? $0 }
        guard total == ExactDecimal(1) else {
            diagnostics.append(.error(.sharesSum(field, total: total.formatted(places: nil)), at: span, help: .sharesAreFractions))
            return nil
        }
        return .shares(choices)
    }

    mutating func parsePopulationBand(_ node: YAMLNode, field: String) -> PopulationBandSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.populationBand, context: .populationBand(field: field), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.bandShape(field), at: node.span))
            return nil
        }
        var numbers: [Int] = []
        for key in PolicyFileKeys.populationBand {
            guard let scalar = reader.required(key, diagnostics: &diagnostics) else { continue }
            guard let number = Int(scalar.text), abs(number) <= Self.largestWeight, key != "weight" || number > 0 else {
                diagnostics.append(.error(key == "weight" ? .weightRange(limit: Self.largestWeight, found: scalar.text) : .bandNotWholeNumber(key, found: scalar.text), at: scalar.span))
                continue
            }
            numbers.append(number)
        }
        guard numbers.count == 3 else { return nil }
        if numbers[0] > numbers[1], let span = reader.entry("to")?.value.span {
            diagnostics.append(.error(.bandEndsBeforeStart(from: numbers[0], to: numbers[1]), at: span))
            return nil
        }
        return PopulationBandSyntax(from: numbers[0], to: numbers[1], weight: numbers[2], span: reader.span)
    }

    /// Weights and band bounds stay below this, so sums never overflow.
    static let largestWeight = 1_000_000_000_000

    /// A node as a message shows it: a single value's text, else its kind.
    static func shown(_ node: YAMLNode) -> ShownNode {
        if case .scalar(let scalar) = node { return .text(scalar.text) }
        return .kind(node.kind)
    }
}
