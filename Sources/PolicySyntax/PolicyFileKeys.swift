/// The keys each part of a policy file may have. The JSON Schema in `grammar/` is
/// tested against these tables, so editors and the parser accept the same files.
package enum PolicyFileKeys {
    package static let file = ["policy", "extends", "include", "inputs", "parameters", "definitions", "decisions", "ledger", "approval", "programs"]
    package static let header = ["id", "title", "title_en", "version", "effective_from", "effective_until", "sources", "note"]
    package static let input = ["type", "values", "label", "label_en", "default", "min", "max", "decimals", "not_after", "source", "note"]
    package static let parameter = ["type", "values", "label", "value", "from", "timeline", "source", "note"]
    package static let parameterPeriod = ["from", "value", "source", "note"]
    package static let definition = ["type", "values", "label", "expr", "source", "note"]
    package static let decision = ["type", "values", "label", "public", "hit", "rules", "remove_rules", "value", "apportion", "reason", "source", "note"]
    package static let rule = ["id", "when", "else", "then", "reason", "source", "note", "before", "after"]
    package static let condition = ["all", "any"]
    package static let apportion = ["total", "payers", "reduce_in_order"]
    package static let ledger = ["title", "accounts", "events", "checks", "scheduled", "source", "note"]
    package static let ledgerAccount = ["label", "kind", "unit", "expires", "insufficient", "source", "note"]
    package static let ledgerEvent = ["label", "fields", "take", "hold", "refuse", "effects", "source", "note"]
    package static let ledgerField = ["type", "values", "label"]
    package static let ledgerRefusal = ["when", "reason", "source", "note"]
    package static let ledgerEffect = ["credit", "debit", "to", "from", "amount"]
    package static let ledgerSchedule = ["label", "every", "event", "when", "fields", "source", "note"]
    package static let ledgerCheck = ["id", "label", "of", "count_distinct", "per", "at_least", "source", "note"]
    package static let approval = ["title", "steps", "rejection", "rejection_label", "source", "note"]
    package static let approvalStep = ["id", "label", "actor", "source", "note"]
    package static let program = ["label", "places", "eligible", "priority", "source", "note"]
    /// A population description (`policies/common/population.yaml`), its cases and bands.
    package static let population = ["vocabulary", "fields"]
    package static let populationDraws = ["probability", "weights", "shares", "bands", "age", "numbered", "value"]
    package static let populationCase = ["when"] + populationDraws
    package static let populationBand = ["from", "to", "weight"]
    package static let typeNames = ["bool", "integer", "decimal", "string", "date", "enum"]
}
