import PolicyCompliance
import PolicyModel
import PolicyRuntime
import RecordFormats

extension SyntheticTownship {
    /// How many records a file holds and how many of them name an elder not in the township.
    package struct RecordCount: Sendable, Equatable {
        package var records = 0
        package var unknownElders = 0
    }

    /// Writes every elder's service records, day by day (each day's records elder by elder),
    /// as JSON Lines in the shape the policy's `records:` declares. For each requirement a
    /// record it counts is written on each day with the chance that meets the requirement
    /// in 96% of its windows (at least N days of D: the binomial chance; a festival
    /// requirement only on the elder's festival days), so a run finds some windows missed;
    /// then records of any kind and values fill each elder's day up to `recordsPerDay` on
    /// average. `progress` is called with the records written, now and then.
    package func writeRecords(to path: String, progress: ((Int) -> Void)? = nil) throws(RecordFileError) -> RecordCount {
        let plan: RecordPlan
        do {
            plan = try RecordPlan(self)
        } catch {
            throw RecordFileError(error.description)
        }
        let output = try ByteOutput(path: path)
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ 0x5EC0_4D5E_ED00_0001)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 21)
        var count = RecordCount()
        let unknown = Array("\"unknown-elder\"".utf8)
        for day in 0..<period.dayCount {
            let dateBytes = Array(("\"" + (CivilDate(dayNumber: period.from.dayNumber + day) ?? period.from).description + "\"").utf8)
            for elder in elders.indices {
                func emit(kind: Int, combination: Int) {
                    count.records += 1
                    let stray = unknownElderEvery > 0 && count.records % unknownElderEvery == 0
                    if stray { count.unknownElders += 1 }
                    plan.kinds[kind].write(combination: combination, elder: stray ? unknown : plan.ids[elder], date: dateBytes,
                                           provider: Int(random.next() % 500) + 1, into: &buffer)
                }
                for draw in plan.draws where draw.chance > 0 {
                    if let festival = draw.festivalRequirement, plan.festivalDays.count(elder: elder, requirement: festival, first: day, last: day) == 0 { continue }
                    if Self.uniform(&random) < draw.chance {
                        emit(kind: draw.kind, combination: draw.combinations[Int(random.next() % UInt64(draw.combinations.count))])
                    }
                }
                let fill = plan.fillPerDay
                var extra = Int(fill)
                if Self.uniform(&random) < fill - Double(extra) { extra += 1 }
                for _ in 0..<extra {
                    let kind = Int(random.next() % UInt64(plan.kinds.count))
                    emit(kind: kind, combination: Int(random.next() % UInt64(plan.kinds[kind].combinations)))
                }
            }
            if buffer.count > 1 << 20 {
                output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?(count.records)
            }
        }
        output.write(buffer)
        try output.close()
        progress?(count.records)
        return count
    }

    /// A number in [0, 1).
    @inline(__always)
    static func uniform(_ random: inout SeededGenerator) -> Double {
        Double(random.next() >> 11) * 0x1p-53
    }
}

/// What `writeRecords` works from: for each requirement the record values it counts and
/// the chance of a record a day; each elder's festival days; the record kinds' bytes.
struct RecordPlan {
    /// Records of one kind whose values `combinations` lists count for one requirement.
    struct Draw {
        let kind: Int
        let combinations: [Int]
        let chance: Double
        /// For a festival requirement: its row in `festivalDays`.
        let festivalRequirement: Int?
    }

    let kinds: [RecordShape]
    let draws: [Draw]
    let festivalDays: DayMarks
    let fillPerDay: Double
    let ids: [[UInt8]]

    init(_ township: SyntheticTownship) throws(SyntheticTownshipError) {
        let policy = township.policy.checked
        let compliance = township.compliance
        let period = township.period
        let interpreter = ReferenceInterpreter(program: policy.program)
        var tables: [CountTable] = []
        var kinds: [RecordShape] = []
        for (index, kind) in compliance.records.enumerated() {
            let requirements = compliance.requirements.indices.filter { compliance.requirements[$0].recordKind == index }
            guard let table = CountTable(kind: kind, requirements: requirements.map { ($0, compliance.requirements[$0].counts) },
                                         policy: policy, date: period.from, interpreter: interpreter) else {
                throw SyntheticTownshipError("record kind `\(kind.name)`: a requirement's `counts` reads more than the record's enum and bool fields; the generator cannot tell which records it counts")
            }
            tables.append(table)
            kinds.append(RecordShape(kind, table: table, named: compliance.records.count > 1))
        }
        let festivals: FestivalCalendar
        do {
            festivals = try FestivalCalendar(policy: policy, from: period.from, to: period.to)
        } catch {
            throw SyntheticTownshipError(error.message)
        }
        let festivalDays = DayMarks(elders: township.elders.count, requirements: compliance.requirements.count, days: period.dayCount)
        var draws: [Draw] = []
        var expected = 0.0
        for (index, requirement) in compliance.requirements.enumerated() {
            let bit = UInt64(1) << UInt64(index)
            let table = tables[requirement.recordKind]
            let combinations = table.masks.indices.filter { table.masks[$0] & bit != 0 }
            let least: Int
            do {
                least = try DayCount.value(requirement.atLeastDays, on: period.from, parameters: policy.parameters, what: "`at_least_days` of `\(requirement.name)`")
            } catch {
                throw SyntheticTownshipError(error.message)
            }
            guard !combinations.isEmpty, least > 0 else { continue }
            var windowDays: Int
            switch requirement.window {
            case .day: windowDays = 1
            case .isoWeek: windowDays = 7
            case .halfMonth: windowDays = 15
            case .month: windowDays = 30
            case .quarter: windowDays = 91
            case .festival: windowDays = 1
            }
            var share = 1.0
            if requirement.window == .festival {
                var marked = 0
                for (elder, record) in township.elders.enumerated() {
                    for festival in requirement.festivals {
                        let windows: [ComplianceWindow]
                        do {
                            windows = try festivals.windows(of: festival, facts: record.facts.values)
                        } catch {
                            throw SyntheticTownshipError(error.message)
                        }
                        for window in windows {
                            windowDays = window.days
                            for day in window.start.dayNumber...window.end.dayNumber {
                                guard let offset = period.offset(ofDayNumber: day) else { continue }
                                festivalDays.mark(elder: elder, requirements: bit, day: offset)
                                marked += 1
                            }
                        }
                    }
                }
                share = township.elders.isEmpty ? 0 : Double(marked) / Double(township.elders.count * period.dayCount)
            }
            let chance = SyntheticTownship.dailyChance(least: least, of: windowDays, met: 0.96)
            expected += chance * share
            draws.append(Draw(kind: requirement.recordKind, combinations: combinations, chance: chance,
                              festivalRequirement: requirement.window == .festival ? index : nil))
        }
        self.kinds = kinds
        self.draws = draws
        self.festivalDays = festivalDays
        fillPerDay = max(0, township.recordsPerDay - expected)
        ids = township.elders.map { Array(JSONText.quote($0.facts.id ?? "").utf8) }
    }
}

extension SyntheticTownship {
    /// The chance a day that at least `least` of `days` days have a record with
    /// probability `met` (found by halving; at most 0.99 when no chance would do).
    package static func dailyChance(least: Int, of days: Int, met: Double) -> Double {
        guard least <= days else { return 0.99 }
        var low = 0.0, high = 1.0
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if atLeast(least, of: days, chance: middle) < met { low = middle } else { high = middle }
        }
        return min(0.99, high)
    }

    /// The probability of at least `least` successes in `days` tries of chance `chance`.
    package static func atLeast(_ least: Int, of days: Int, chance: Double) -> Double {
        guard chance < 1 else { return 1 }
        var term = 1.0
        for _ in 0..<days { term *= 1 - chance }
        var below = 0.0
        for count in 0..<least {
            below += term
            term *= Double(days - count) / Double(count + 1) * chance / (1 - chance)
        }
        return 1 - below
    }
}

/// How one kind of record is written: its members in declared order, then `date`, with
/// the discrete fields' values taken from a combination of the kind's `CountTable`.
struct RecordShape {
    enum Member {
        case elder, date, text, number
        /// An enum or bool field: the position among the table's slots, and each value's bytes.
        case discrete(position: Int, values: [[UInt8]])
    }

    let prefix: [UInt8]
    let members: [(key: [UInt8], member: Member)]
    let cardinalities: [Int]
    var combinations: Int { cardinalities.reduce(1, *) }

    init(_ kind: ComplianceRecordKind, table: CountTable, named: Bool) {
        prefix = Array(("{" + (named ? "\"record\":" + JSONText.quote(kind.name) + "," : "")).utf8)
        var members: [(key: [UInt8], member: Member)] = []
        for slot in Array(kind.fields.indices.dropFirst()) + [0] {
            let field = kind.fields[slot]
            let key = Array((JSONText.quote(field.name) + ":").utf8)
            if let position = table.slots.firstIndex(of: slot) {
                let values: [[UInt8]]
                if case .enumeration(let type) = field.type {
                    values = type.cases.map { Array(JSONText.quote($0).utf8) }
                } else {
                    values = [Array("false".utf8), Array("true".utf8)]
                }
                members.append((key, .discrete(position: position, values: values)))
            } else if slot == 0 {
                members.append((key, .date))
            } else if slot == kind.elderField {
                members.append((key, .elder))
            } else {
                switch field.type {
                case .string: members.append((key, .text))
                case .date: members.append((key, .date))
                default: members.append((key, .number))
                }
            }
        }
        self.members = members
        cardinalities = table.cardinalities
    }

    func write(combination: Int, elder: [UInt8], date: [UInt8], provider: Int, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: prefix)
        for (index, (key, member)) in members.enumerated() {
            if index > 0 { buffer.append(44) }
            buffer.append(contentsOf: key)
            switch member {
            case .elder: buffer.append(contentsOf: elder)
            case .date: buffer.append(contentsOf: date)
            case .number: buffer.append(49)
            case .text:
                buffer.append(contentsOf: [34, 112])
                buffer.appendInteger(Int64(provider))
                buffer.append(34)
            case .discrete(let position, let values):
                var rest = combination
                for later in stride(from: cardinalities.count - 1, to: position, by: -1) { rest /= cardinalities[later] }
                buffer.append(contentsOf: values[rest % cardinalities[position]])
            }
        }
        buffer.append(contentsOf: [125, 10])
    }
}
