import PolicyModel
import Testing

@Suite("ValueType, EnumType and RecordType")
struct ValueTypeTests {
    static let residence = EnumType(name: "residence", cases: ["urban", "rural"], labels: ["城镇", "农村"])
    static let pair = RecordType(fields: [.init(name: "district", type: .decimal), .init(name: "person", type: .decimal)])

    @Test("types describe themselves in policy words", arguments: [
        (ValueType.bool, "bool"),
        (.integer, "integer"),
        (.decimal, "decimal"),
        (.string, "string"),
        (.date, "date"),
        (.enumeration(residence), "enum residence"),
        (.list(.integer), "list of integer"),
        (.list(.list(.date)), "list of list of date"),
        (.record(pair), "record {district, person}"),
    ])
    func descriptions(_ type: ValueType, _ text: String) {
        #expect(type.description == text)
    }

    @Test("numeric and ordered types", arguments: [
        (ValueType.integer, true, true),
        (.decimal, true, true),
        (.date, false, true),
        (.bool, false, false),
        (.string, false, false),
        (.enumeration(residence), false, false),
        (.list(.integer), false, false),
    ])
    func kinds(_ type: ValueType, _ isNumeric: Bool, _ isOrdered: Bool) {
        #expect(type.isNumeric == isNumeric)
        #expect(type.isOrdered == isOrdered)
    }

    @Test("enum types are the same type when their cases are, whatever the name and labels")
    func enumIdentity() {
        let renamed = EnumType(name: "hukou", cases: ["urban", "rural"])
        let reordered = EnumType(name: "residence", cases: ["rural", "urban"])
        #expect(Self.residence == renamed)
        #expect(Self.residence.hashValue == renamed.hashValue)
        #expect(Self.residence != reordered)
        #expect(ValueType.enumeration(Self.residence) == .enumeration(renamed))
    }

    @Test("enum cases are found by name; labels default to none")
    func enumLookup() {
        #expect(Self.residence.index(of: "rural") == 1)
        #expect(Self.residence.index(of: "Rural") == nil)
        #expect(Self.residence.labels == ["城镇", "农村"])
        #expect(EnumType(name: "x", cases: ["a", "b", "c"]).labels == [nil, nil, nil])
    }

    @Test("record fields are found by name")
    func recordLookup() {
        #expect(Self.pair.index(of: "person") == 1)
        #expect(Self.pair.index(of: "nobody") == nil)
        #expect(Self.pair.fields.map(\.type) == [.decimal, .decimal])
    }
}
