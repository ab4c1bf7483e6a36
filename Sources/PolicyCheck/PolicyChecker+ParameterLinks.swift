import PolicyModel
import PolicySyntax

/// `same_as:` links between parameters: each names a parameter, no circle, the same
/// type and unit as the parameter it follows. A linked parameter takes the type of the
/// parameter at the end of its links.
extension PolicyChecker {
    func resolveParameterLinks() {
        parameterRoots = Array(repeating: nil, count: merged.parameters.count)
        for index in merged.parameters.indices where merged.parameters[index].sameAs != nil {
            parameterRoots[index] = linkRoot(index)
        }
        for index in merged.parameters.indices {
            guard let root = parameterRoots[index], let sameAs = merged.parameters[index].sameAs else { continue }
            let plan = merged.parameters[index]
            let name = plan.syntax.name.value
            let rootType = parameterTypes[root]
            if let written = plan.type, let declared = resolveType(written, name: name), let rootType, declared != rootType {
                diagnostics.append(.error(.linkedTypeDiffers(name, declared: "\(declared)", target: sameAs.text, targetType: "\(rootType)"), at: written.base.span,
                                          help: .linkedOneType(declared: "\(declared)")))
                parameterRoots[index] = nil
                continue
            }
            if let unit = plan.unit, let targetIndex = linkTarget(index), let targetUnit = parameterUnit(targetIndex), unit.text != targetUnit {
                diagnostics.append(.error(.linkedUnitDiffers(name, unit: unit.text, target: sameAs.text, targetUnit: targetUnit), at: unit.span,
                                          help: .linkedSameUnit(name)))
                parameterRoots[index] = nil
                continue
            }
            parameterTypes[index] = rootType
        }
    }

    /// The parameter `same_as` of parameter `index` names, when it names one.
    func linkTarget(_ index: Int) -> Int? {
        guard let target = merged.parameters[index].sameAs?.text, let (kind, next) = symbols[target], kind == .parameter else { return nil }
        return next
    }

    /// The unit of a parameter: its own, or that of the parameters it is linked to.
    func parameterUnit(_ index: Int) -> String? {
        var current = index
        var seen: Set<Int> = [index]
        while true {
            if let unit = merged.parameters[current].unit { return unit.text }
            guard let next = linkTarget(current), seen.insert(next).inserted else { return nil }
            current = next
        }
    }

    /// The end of the links from parameter `index`, or nil after reporting the link of
    /// `index` itself as broken (a link further along is reported by its own parameter).
    func linkRoot(_ index: Int) -> Int? {
        let plan = merged.parameters[index]
        guard let sameAs = plan.sameAs else { return index }
        let name = plan.syntax.name.value
        guard let (kind, _) = symbols[sameAs.text] else {
            let names = merged.parameters.map(\.syntax.name.value).filter { $0 != name }
            diagnostics.append(.error(.linkedToUnknown(name, target: sameAs.text), at: sameAs.span,
                                      help: NameSuggestion.closest(to: sameAs.text, in: names).map { .suggestion(.didYouMean($0)) }
                                          ?? .nameAParameter(names)))
            return nil
        }
        guard kind == .parameter else {
            let what = kind == .input ? "input" : (kind == .definition ? "definition" : "decision")
            diagnostics.append(.error(.linkedToNonParameter(kind: what, target: sameAs.text), at: sameAs.span, help: .linkOnlyParameters))
            return nil
        }
        // Follow the chain; a circle is reported once, by the parameter it starts from.
        var chain = [index]
        var current = index
        while let next = linkTarget(current) {
            if let start = chain.firstIndex(of: next) {
                if start == 0 && chain.min() == index {
                    let names = (chain + [index]).map { merged.parameters[$0].syntax.name.value }
                    diagnostics.append(.error(.linkCircle(names), at: sameAs.span, help: .circleNeedsOwnValues))
                }
                return nil
            }
            chain.append(next)
            current = next
        }
        // A chain that ends at a link to a name that is not a parameter has been reported there.
        return merged.parameters[current].sameAs == nil ? current : nil
    }
}
