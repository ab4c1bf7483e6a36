import PolicyModel
import PolicySyntax

extension PolicyChecker {
    /// Reads the population description at `path` and checks it against the vocabulary
    /// it names: every field an input, every distribution fit for its type, every `when`
    /// a condition on facts drawn before it. Throws every problem found.
    ///
    /// ```swift
    /// let description = try PolicyChecker.checkPopulation(path: "policies/common/population.yaml", sources: &texts)
    /// ```
    /// `sources` receives the texts of the files read, for rendering the diagnostics.
    package static func checkPopulation(path: String, sources: inout [String: String]) throws(DiagnosticList) -> PopulationDescription {
        var loader = PolicyLoader()
        defer { sources = loader.texts }
        let text = try loader.readText(path: path, namedAt: nil)
        let syntax = try PolicyFileParser.parsePopulation(text, path: path)
        let checker = PolicyChecker(try loader.load(vocabulary: syntax.vocabulary, namedIn: path, text: text))
        guard let vocabulary = checker.run(), !checker.diagnostics.hasErrors else { throw checker.diagnostics }
        let vocabularyPath = loader.resolve(syntax.vocabulary.value, relativeTo: path)
        var drawn = Set<Int>()
        var fields: [PopulationDescription.Field] = []
        for field in syntax.fields {
            if let checked = checker.checkPopulationField(field, in: vocabulary, vocabularyPath: vocabularyPath, drawn: drawn) { fields.append(checked) }
            if let slot = vocabulary.inputIndex(named: field.name.value) { drawn.insert(slot) }
        }
        if checker.diagnostics.hasErrors { throw checker.diagnostics }
        return PopulationDescription(file: path, vocabulary: vocabulary, fields: fields)
    }

    func checkPopulationField(_ field: PopulationFieldSyntax, in vocabulary: CheckedPolicy, vocabularyPath: String, drawn: Set<Int>) -> PopulationDescription.Field? {
        let name = field.name.value
        guard let slot = vocabulary.inputIndex(named: name) else {
            if let (kind, _) = symbols[name] {
                let what: SymbolWhat = kind == .definition ? .definition : kind == .parameter ? .parameter : .decision
                diagnostics.append(.error(.populationNotInput(name, what, vocabulary: vocabularyPath), at: field.name.span,
                                          help: kind == .definition ? .describeInputsItReads : nil))
            } else {
                diagnostics.append(.error(.populationUnknownInput(name, vocabulary: vocabularyPath), at: field.name.span,
                                          help: NameSuggestion.help(for: name, in: vocabulary.inputs.map(\.name), kind: .inputs)?.help))
            }
            return nil
        }
        let input = vocabulary.inputs[slot]
        var cases: [PopulationDescription.Case] = []
        for item in field.cases {
            var condition: Expression?
            if let written = item.condition {
                condition = checkBool(written.syntax, role: .populationWhen(name)).flatMap { checked in
                    checkPopulationReads(checked, of: name, at: written.syntax.span, in: vocabulary, drawn: drawn) ? checked : nil
                }
            }
            let draw = populationDraw(item, of: input)
            guard let draw, condition != nil || item.condition == nil else { continue }
            cases.append(PopulationDescription.Case(condition: condition, span: item.condition?.syntax.span, draw: draw))
        }
        guard cases.count == field.cases.count else { return nil }
        return PopulationDescription.Field(name: name, slot: slot, type: input.type, cases: cases)
    }

    /// Whether `condition` reads only inputs drawn before (directly or through
    /// definitions), parameters and the date; reports the first input it may not read.
    func checkPopulationReads(_ condition: Expression, of field: String, at span: SourceSpan, in vocabulary: CheckedPolicy, drawn: Set<Int>) -> Bool {
        // Each expression with the definition it was reached through, for the message.
        var pending: [(Expression, String?)] = [(condition, nil)], seen = Set<Int>()
        while let (expression, through) = pending.popLast() {
            var problem: Diagnostic?
            expression.forEach { part in
                guard problem == nil else { return }
                switch part {
                case .input(let slot) where !drawn.contains(slot):
                    let other = vocabulary.inputs[slot].name
                    problem = .error(.whenReadsUndrawn(field: field, other: other, through: through), at: span, help: .drawOrder(other: other, field: field))
                case .decision(let index):
                    problem = .error(.whenReadsDecision(field: field, decision: vocabulary.decisions[index].name), at: span, help: .useDrawnFacts)
                case .definition(let index):
                    if seen.insert(index).inserted { pending.append((vocabulary.definitions[index].expression, through ?? vocabulary.definitions[index].name)) }
                default: break
                }
            }
            if let problem {
                diagnostics.append(problem)
                return false
            }
        }
        return true
    }

    /// The checked distribution of one case, if it fits the input's type and range.
    func populationDraw(_ item: PopulationCaseSyntax, of input: InputDeclaration) -> PopulationDescription.Draw? {
        let type = input.type
        let key = item.key.value
        func mismatch(_ gives: DrawKind) -> PopulationDescription.Draw? {
            let suits: [String]
            switch type {
            case .bool: suits = ["probability", "weights", "shares"]
            case .integer: suits = ["weights", "shares", "bands"]
            case .enumeration: suits = ["weights", "shares"]
            case .date: suits = ["age"]
            case .string: suits = ["numbered"]
            default: suits = ["value"]
            }
            diagnostics.append(.error(.drawMismatch(key: key, gives, input: input.name, type), at: item.key.span, help: .drawsThatSuit(type, suits)))
            return nil
        }
        switch item.draw {
        case .probability(let probability):
            guard type == .bool else { return mismatch(.trueOrFalse) }
            return .chance(Double(probability.formatted(places: nil)) ?? 0)
        case .weights(let choices), .shares(let choices):
            switch type {
            case .bool, .integer, .enumeration: return populationChoices(choices, weighted: key == "weights", of: input)
            default: return mismatch(.oneOfListed)
            }
        case .bands(let bands):
            guard type == .integer else { return mismatch(.wholeNumber) }
            guard let checked = populationBands(bands, of: input, within: (input.minimum?.integerValue, input.maximum?.integerValue)) else { return nil }
            return .bands(checked, total: checked.reduce(0) { $0 + $1.weight })
        case .age(let bands):
            guard type == .date else { return mismatch(.dateFromAge) }
            guard let checked = populationBands(bands, of: input, within: (0, 150)) else { return nil }
            return .age(checked, total: checked.reduce(0) { $0 + $1.weight })
        case .numbered(let prefix, let first, let width):
            guard type == .string else { return mismatch(.text) }
            return .numbered(prefix: prefix, first: first, width: width)
        case .value(let scalar):
            guard let value = literal(scalar, type: type, what: .valueOf(input.name)), inRange(value, of: input, at: scalar.span) else { return nil }
            return .fixed(value)
        }
    }

    /// `weights` or `shares` over values of a bool, a whole number or an enum.
    func populationChoices(_ choices: [PopulationChoiceSyntax], weighted: Bool, of input: InputDeclaration) -> PopulationDescription.Draw? {
        var values: [Value] = []
        for choice in choices {
            guard let value = literal(choice.value, type: input.type, what: .aValueOf(input.name)), inRange(value, of: input, at: choice.value.span) else { continue }
            values.append(value)
        }
        guard values.count == choices.count else { return nil }
        if weighted {
            let weights = choices.map { UInt64($0.amount.integerPart) }
            return .weighted(values: values, weights: weights, total: weights.reduce(0, +))
        }
        var running = 0.0
        return .shared(values: values, runningTotals: choices.map { choice in
            running += Double(choice.amount.formatted(places: nil)) ?? 0
            return running
        })
    }

    /// Bands whose bounds lie within `limits` (nil: no limit on that side), of `what`
    /// (the input's values, or ages).
    func populationBands(_ bands: [PopulationBandSyntax], of input: InputDeclaration, within limits: (Int64?, Int64?)) -> [PopulationDescription.Band]? {
        let what: BandScope = input.type == .date ? .ages : .values(of: input.name)
        var checked: [PopulationDescription.Band] = []
        for band in bands {
            if let low = limits.0, Int64(band.from) < low {
                diagnostics.append(.error(.bandBelow(from: band.from, low: low, what), at: band.span))
                continue
            }
            if let high = limits.1, Int64(band.to) > high {
                diagnostics.append(.error(.bandAbove(to: band.to, high: high, what), at: band.span))
                continue
            }
            checked.append(.init(low: Int64(band.from), high: Int64(band.to), weight: UInt64(band.weight)))
        }
        return checked.count == bands.count ? checked : nil
    }

    /// Whether `value` lies within the input's `min` and `max`; reports it otherwise.
    func inRange(_ value: Value, of input: InputDeclaration, at span: SourceSpan) -> Bool {
        if let minimum = input.minimum, Expression.order(value, minimum, .decimal) < 0 {
            diagnostics.append(.error(.valueBelowMinimum(value.display(as: input.type), minimum: minimum.display(as: input.type), input: input.name), at: span))
            return false
        }
        if let maximum = input.maximum, Expression.order(value, maximum, .decimal) > 0 {
            diagnostics.append(.error(.valueAboveMaximum(value.display(as: input.type), maximum: maximum.display(as: input.type), input: input.name), at: span))
            return false
        }
        return true
    }
}
