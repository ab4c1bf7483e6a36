/// The keys each part of a policy file may have. The JSON Schema in `grammar/` is
/// tested against these tables, so editors and the parser accept the same files.
public enum PolicyFileKeys {
    public static let file = ["policy", "extends", "include", "inputs", "parameters", "definitions", "decisions"]
    public static let header = ["id", "title", "title_en", "version", "effective_from", "effective_until", "sources", "note"]
    public static let input = ["type", "values", "label", "label_en", "default", "min", "max", "decimals", "not_after", "source", "note"]
    public static let parameter = ["type", "values", "label", "value", "from", "timeline", "source", "note"]
    public static let parameterPeriod = ["from", "value", "source", "note"]
    public static let definition = ["type", "values", "label", "expr", "source", "note"]
    public static let decision = ["type", "values", "label", "public", "hit", "rules", "remove_rules", "value", "apportion", "reason", "source", "note"]
    public static let rule = ["id", "when", "else", "then", "reason", "source", "note", "before", "after"]
    public static let condition = ["all", "any"]
    public static let apportion = ["total", "payers", "reduce_in_order"]
    public static let typeNames = ["bool", "integer", "decimal", "string", "date", "enum"]
}
