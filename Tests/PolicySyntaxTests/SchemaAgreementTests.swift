import TestSupport
import Foundation
import PolicySyntax
import Testing

/// `grammar/policy.schema.json` (used by editors through the YAML language server)
/// must accept the same keys as the parser: each section's `properties` must equal
/// its `PolicyFileKeys` table.
@Suite("Schema agrees with PolicyFileKeys")
struct SchemaAgreementTests {
    /// One part of a policy file: where its object schema sits and the keys the parser allows.
    struct Section: Sendable, CustomTestStringConvertible {
        let name: String
        /// Path of keys from the schema root to the object schema, e.g. `["$defs", "input"]`.
        let schemaPath: [String]
        let keys: [String]
        var testDescription: String { name }
    }

    static let sections: [Section] = [
        Section(name: "file", schemaPath: [], keys: PolicyFileKeys.file),
        Section(name: "header", schemaPath: ["$defs", "header"], keys: PolicyFileKeys.header),
        Section(name: "input", schemaPath: ["$defs", "input"], keys: PolicyFileKeys.input),
        Section(name: "parameter", schemaPath: ["$defs", "parameter"], keys: PolicyFileKeys.parameter),
        Section(name: "parameterPeriod", schemaPath: ["$defs", "parameterPeriod"], keys: PolicyFileKeys.parameterPeriod),
        Section(name: "definition", schemaPath: ["$defs", "definition"], keys: PolicyFileKeys.definition),
        Section(name: "decision", schemaPath: ["$defs", "decision"], keys: PolicyFileKeys.decision),
        Section(name: "rule", schemaPath: ["$defs", "rule"], keys: PolicyFileKeys.rule),
        Section(name: "condition", schemaPath: ["$defs", "conditionGroup"], keys: PolicyFileKeys.condition),
        Section(name: "apportion", schemaPath: ["$defs", "apportion"], keys: PolicyFileKeys.apportion),
        Section(name: "ledger", schemaPath: ["$defs", "ledger"], keys: PolicyFileKeys.ledger),
        Section(name: "ledgerAccount", schemaPath: ["$defs", "ledgerAccount"], keys: PolicyFileKeys.ledgerAccount),
        Section(name: "ledgerEvent", schemaPath: ["$defs", "ledgerEvent"], keys: PolicyFileKeys.ledgerEvent),
        Section(name: "ledgerField", schemaPath: ["$defs", "ledgerField"], keys: PolicyFileKeys.ledgerField),
        Section(name: "ledgerRefusal", schemaPath: ["$defs", "ledgerRefusal"], keys: PolicyFileKeys.ledgerRefusal),
        Section(name: "ledgerEffect", schemaPath: ["$defs", "ledgerEffect"], keys: PolicyFileKeys.ledgerEffect),
        Section(name: "ledgerCheck", schemaPath: ["$defs", "ledgerCheck"], keys: PolicyFileKeys.ledgerCheck),
        Section(name: "ledgerSchedule", schemaPath: ["$defs", "ledgerSchedule"], keys: PolicyFileKeys.ledgerSchedule),
        Section(name: "approval", schemaPath: ["$defs", "approval"], keys: PolicyFileKeys.approval),
        Section(name: "approvalStep", schemaPath: ["$defs", "approvalStep"], keys: PolicyFileKeys.approvalStep),
        Section(name: "program", schemaPath: ["$defs", "program"], keys: PolicyFileKeys.program),
        Section(name: "compliance", schemaPath: ["$defs", "compliance"], keys: PolicyFileKeys.compliance),
        Section(name: "complianceRecord", schemaPath: ["$defs", "complianceRecord"], keys: PolicyFileKeys.complianceRecord),
        Section(name: "festival", schemaPath: ["$defs", "festival"], keys: PolicyFileKeys.festival),
        Section(name: "requirement", schemaPath: ["$defs", "requirement"], keys: PolicyFileKeys.requirement),
        Section(name: "spotCheck", schemaPath: ["$defs", "spotCheck"], keys: PolicyFileKeys.spotCheck),
    ]

    /// The repository root: the nearest directory above this file that holds `Package.swift`.
    static func packageRoot() throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        throw SchemaError("no Package.swift above \(#filePath)")
    }

    static func loadSchema() throws -> [String: Any] {
        let url = try packageRoot().appendingPathComponent("grammar/policy.schema.json")
        let data = try Data(contentsOf: url)
        guard let schema = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SchemaError("grammar/policy.schema.json is not a JSON object")
        }
        return schema
    }

    static func object(at path: [String], in schema: [String: Any]) throws -> [String: Any] {
        var node = schema
        for key in path {
            guard let next = node[key] as? [String: Any] else {
                throw SchemaError("the schema has no object at \(path.joined(separator: "/"))")
            }
            node = next
        }
        return node
    }

    @Test("each section's properties equal its PolicyFileKeys table", arguments: sections)
    func propertiesMatchKeys(_ section: Section) throws {
        let schema = try Self.loadSchema()
        let object = try Self.object(at: section.schemaPath, in: schema)
        let properties = try #require(object["properties"] as? [String: Any], "no `properties` for \(section.name)")
        let inSchema = Set(properties.keys)
        let inParser = Set(section.keys)
        #expect(inParser.count == section.keys.count, "PolicyFileKeys.\(section.name) lists a key twice")
        #expect(inSchema.subtracting(inParser).isEmpty,
                "the schema allows keys the parser rejects in \(section.name): \(inSchema.subtracting(inParser).sorted())")
        #expect(inParser.subtracting(inSchema).isEmpty,
                "the parser allows keys the schema lacks in \(section.name): \(inParser.subtracting(inSchema).sorted())")
        #expect(object["additionalProperties"] as? Bool == false, "\(section.name) should reject unknown keys, as the parser does")
    }

    @Test("the type-name schema accepts exactly PolicyFileKeys.typeNames and `list of` them")
    func typeNamesMatch() throws {
        let schema = try Self.loadSchema()
        let typeName = try Self.object(at: ["$defs", "typeName"], in: schema)
        let enumeration = typeName["enum"] as? [String]
        let pattern = try (typeName["pattern"] as? String).map { try NSRegularExpression(pattern: $0) }
        #expect(enumeration != nil || pattern != nil, "$defs/typeName has neither `enum` nor `pattern`")

        func accepts(_ text: String) -> Bool {
            if let enumeration, !enumeration.contains(text) { return false }
            if let pattern {
                let range = NSRange(text.startIndex..., in: text)
                if pattern.firstMatch(in: text, range: range) == nil { return false }
            }
            return enumeration != nil || pattern != nil
        }

        let expected = PolicyFileKeys.typeNames + PolicyFileKeys.typeNames.map { "list of " + $0 }
        for name in expected {
            #expect(accepts(name), "the schema rejects the type `\(name)`")
        }
        if let enumeration {
            #expect(Set(enumeration) == Set(expected), "extra or missing type names: \(Set(enumeration).symmetricDifference(expected).sorted())")
        }
        let nearMisses = ["", "int", "Integer", "list", "list of", "list of ", "list of list of integer", "list  of integer",
                          "list of  integer", " integer", "integer ", "list of enums", "boolean", "number", "text"]
        for name in nearMisses {
            #expect(!accepts(name), "the schema accepts `\(name)`, which the parser rejects")
        }
    }

    @Test("the policy id pattern agrees with PolicyFileParser.isValidPolicyID")
    func policyIDPatternMatches() throws {
        let schema = try Self.loadSchema()
        let idSchema = try Self.object(at: ["$defs", "header", "properties", "id"], in: schema)
        let pattern = try NSRegularExpression(pattern: try #require(idSchema["pattern"] as? String))
        let maximumLength = try #require(idSchema["maxLength"] as? Int)
        let samples = ["anqing", "rural-pilot", "a", "a_b-c9", "9lives", "Anqing", "-x", "_x", "an qing", "安庆", "",
                       "a" + String(repeating: "b", count: 63), "a" + String(repeating: "b", count: 64)]
        for id in samples {
            let matches = pattern.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
            let schemaAccepts = matches && id.unicodeScalars.count <= maximumLength
            #expect(schemaAccepts == PolicyFileParser.isValidPolicyID(id), "schema and parser disagree on the id `\(id)`")
        }
    }

    @Test("every property in the schema has a description, for editor hover text")
    func everyPropertyIsDescribed() throws {
        let schema = try Self.loadSchema()
        var undescribed: [String] = []
        func visit(_ node: Any, path: String) {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (key, value) in properties {
                        if (value as? [String: Any])?["description"] as? String == nil { undescribed.append("\(path)/properties/\(key)") }
                    }
                }
                // `if` subschemas only test a value; editors take hover text from the other branches.
                for (key, value) in object where key != "if" { visit(value, path: "\(path)/\(key)") }
            } else if let array = node as? [Any] {
                for (index, value) in array.enumerated() { visit(value, path: "\(path)/\(index)") }
            }
        }
        visit(schema, path: "#")
        #expect(undescribed.isEmpty, "properties without a description: \(undescribed.sorted())")
    }
}

struct SchemaError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
