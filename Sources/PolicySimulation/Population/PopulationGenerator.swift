import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import PolicySyntax
import RecordFormats

/// A synthetic population of older people with plausible Chinese distributions, the
/// same for the same seed on every machine. Each person is drawn from their own
/// generator (seeded from the seed and their number), so person 7 is the same in a
/// population of 10 and of 10 million.
///
/// Distributions (shares of the whole population; all approximate):
/// - age on the reference date: 4% 50–59, 23% 60–64, 22% 65–69, 18% 70–74, 14% 75–79,
///   10% 80–84, 5.5% 85–89, 2.5% 90–94, 0.8% 95–99, 0.2% 100–104; birth days spread over the year;
/// - `residence`: 60% urban, 40% rural; `hukou_local`: 92%;
/// - `ability_level` by age: under 70 mostly 0 (80%: 0, 13%: 1, 4%: 2, 2%: 3, 1%: 4);
///   70–79 65/20/8/4/3; 80 and over 40/28/15/10/7;
/// - `no_legal_supporter` 5%; `no_income_source` 15% (25% at 80+); `no_work_capacity`
///   90% when ability ≥ 2, 50% at 80+, else 20%;
/// - `subsistence`: about 85% none, 8% dibao, 4% marginal, 3% tekun; a 三无 person
///   (no income, no work capacity, no legal supporter) is tekun 85%, dibao 10%, none 5%;
/// - `children_in_district` 70% (10% without a legal supporter); `child_caregiver_nearby`
///   60% when a child lives in the district, else 5%; `lives_alone` 12% (60% without a
///   legal supporter); `left_behind` 50% of rural people whose children live elsewhere, else 3%;
/// - `severe_disability` 30% at ability ≥ 3, else 1.5%; `family_planning_special` 2%;
///   `priority_care` 1.5%; `five_elders` 0.5%;
/// - `receives_civil_aid` 90% with any subsistence category, else 5%;
///   `low_income_certified` 6% (none), 40% (marginal), 10% (dibao, tekun);
///   `receives_home_care_subsidy` 25% with a subsistence category, else 8%;
///   `tekun_dispersed` 70% of tekun, never otherwise.
///
/// ```swift
/// let people = PopulationGenerator(seed: 7)
/// people.person(0).id          // "P00000001"
/// try people.write(size: 1_000, to: "population.csv")
/// ```
package struct PopulationGenerator: Sendable {
    package let seed: UInt64
    /// Ages are drawn for this date (the date the population is meant to be evaluated on).
    package let referenceDate: CivilDate

    package static let defaultReferenceDate = CivilDate(year: 2026, month: 6, day: 1)!

    package init(seed: UInt64, referenceDate: CivilDate = PopulationGenerator.defaultReferenceDate) {
        self.seed = seed
        self.referenceDate = referenceDate
    }

    /// Age bands (first age, last age) with weights per 10,000.
    package static let ageBands: [(Int, Int, UInt64)] = [
        (50, 59, 400), (60, 64, 2300), (65, 69, 2200), (70, 74, 1800), (75, 79, 1400),
        (80, 84, 1000), (85, 89, 550), (90, 94, 250), (95, 99, 80), (100, 104, 20),
    ]

    /// The person numbered `number` (0-based); their id is `P` and `number + 1`, eight digits.
    package func person(_ number: Int) -> SyntheticPerson {
        var draw = Draw(SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(number) &* 0xD1B5_4A32_D192_ED03))
        let age = draw.age()
        let birthDate = draw.birthDate(age: age, on: referenceDate)
        let ability = draw.abilityLevel(age: age)
        let noLegalSupporter = draw.chance(0.05)
        let noIncomeSource = draw.chance(age >= 80 ? 0.25 : 0.15)
        let noWorkCapacity = draw.chance(ability >= 2 ? 0.90 : (age >= 80 ? 0.50 : 0.20))
        let threeNos = noIncomeSource && noWorkCapacity && noLegalSupporter
        let subsistence = threeNos ? draw.pick([("tekun", 85), ("dibao", 10), ("none", 5)])
                                   : draw.pick([("none", 852), ("dibao", 81), ("marginal", 40), ("tekun", 27)])
        let rural = draw.chance(0.40)
        let childrenInDistrict = draw.chance(noLegalSupporter ? 0.10 : 0.70)
        let assisted = subsistence != "none"
        return SyntheticPerson(
            id: PopulationGenerator.id(number),
            birthDate: birthDate,
            hukouLocal: draw.chance(0.92),
            residence: rural ? "rural" : "urban",
            noIncomeSource: noIncomeSource,
            noWorkCapacity: noWorkCapacity,
            noLegalSupporter: noLegalSupporter,
            subsistence: subsistence,
            abilityLevel: ability,
            livesAlone: draw.chance(noLegalSupporter ? 0.60 : 0.12),
            childrenInDistrict: childrenInDistrict,
            childCaregiverNearby: draw.chance(childrenInDistrict ? 0.60 : 0.05),
            leftBehind: draw.chance(rural && !childrenInDistrict ? 0.50 : 0.03),
            severeDisability: draw.chance(ability >= 3 ? 0.30 : 0.015),
            familyPlanningSpecial: draw.chance(0.02),
            priorityCare: draw.chance(0.015),
            fiveElders: draw.chance(0.005),
            receivesCivilAid: draw.chance(assisted ? 0.90 : 0.05),
            lowIncomeCertified: draw.chance(subsistence == "none" ? 0.06 : (subsistence == "marginal" ? 0.40 : 0.10)),
            receivesHomeCareSubsidy: draw.chance(assisted ? 0.25 : 0.08),
            tekunDispersed: subsistence == "tekun" && draw.chance(0.70))
    }

    /// `P00000001` for person 0.
    package static func id(_ number: Int) -> String {
        let digits = String(number + 1)
        return "P" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// Writes persons `0..<size` to `path` (`-`: standard output) as CSV with a header or
    /// as JSON Lines. `progress` is called with the number written, now and then.
    package func write(size: Int, to path: String, format: RecordFormat? = nil, progress: ((Int) -> Void)? = nil) throws(RecordFileError) {
        guard let format = format ?? RecordFormat(path: path) ?? (path == "-" ? .csv : nil) else {
            throw RecordFileError("`\(path)`: cannot tell the output format; name the file .csv or .jsonl")
        }
        let output = try ByteOutput(path: path)
        if format == .csv { output.write(SyntheticPerson.fieldNames.joined(separator: ",") + "\n") }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for number in 0..<max(0, size) {
            let person = person(number)
            buffer.append(contentsOf: (format == .csv ? person.csvLine : person.jsonLine).utf8)
            if buffer.count >= 1 << 20 {
                output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?(number + 1)
            }
        }
        output.write(buffer)
        try output.close()
        progress?(max(0, size))
    }
}

/// Random choices for one person.
package struct Draw {
    package var generator: SeededGenerator

    package init(_ generator: SeededGenerator) { self.generator = generator }

    /// True with probability `p`.
    package mutating func chance(_ p: Double) -> Bool {
        Double(generator.next() >> 11) * 0x1p-53 < p
    }

    /// One of the names, by integer weights.
    package mutating func pick(_ options: [(String, UInt64)]) -> String {
        let total = options.reduce(0) { $0 + $1.1 }
        var roll = generator.next() % total
        for (name, weight) in options {
            if roll < weight { return name }
            roll -= weight
        }
        return options[options.count - 1].0
    }

    package mutating func age() -> Int {
        var roll = generator.next() % 10_000
        for (low, high, weight) in PopulationGenerator.ageBands {
            if roll < weight { return low + Int(generator.next() % UInt64(high - low + 1)) }
            roll -= weight
        }
        return 70
    }

    /// A birth date on which the person is `age` on `date`, spread over the year.
    package mutating func birthDate(age: Int, on date: CivilDate) -> CivilDate {
        let latest = CivilDate(year: date.year - age, month: date.month, day: date.day)
            ?? CivilDate(year: date.year - age, month: date.month, day: 28)!
        return CivilDate(dayNumber: latest.dayNumber - Int(generator.next() % 365)) ?? latest
    }

    package mutating func abilityLevel(age: Int) -> Int {
        let weights: [UInt64] = age >= 80 ? [40, 28, 15, 10, 7] : (age >= 70 ? [65, 20, 8, 4, 3] : [80, 13, 4, 2, 1])
        var roll = generator.next() % 100
        for (level, weight) in weights.enumerated() {
            if roll < weight { return level }
            roll -= weight
        }
        return 0
    }
}
