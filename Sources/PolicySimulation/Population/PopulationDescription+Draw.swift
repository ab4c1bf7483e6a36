import PolicyModel

extension PopulationDescription.Draw {
    /// The value drawn for person `number` on `date` (the population's reference date).
    func value(number: Int, on date: CivilDate, using random: inout SeededGenerator) -> Value {
        switch self {
        case .chance(let probability):
            return .bool(Self.uniform(&random) < probability)
        case .weighted(let values, let weights, let total):
            var roll = random.next() % total
            for index in weights.indices {
                if roll < weights[index] { return values[index] }
                roll -= weights[index]
            }
            return values[values.count - 1]
        case .shared(let values, let runningTotals):
            let roll = Self.uniform(&random)
            return values[runningTotals.firstIndex { roll < $0 } ?? values.count - 1]
        case .bands(let bands, let total):
            return .integer(Self.number(in: bands, total: total, using: &random))
        case .age(let bands, let total):
            let age = Int(Self.number(in: bands, total: total, using: &random))
            let latest = CivilDate(year: date.year - age, month: date.month, day: date.day)
                ?? CivilDate(year: date.year - age, month: date.month, day: 28) ?? date
            return .date(CivilDate(dayNumber: latest.dayNumber - Int(random.next() % 365)) ?? latest)
        case .numbered(let prefix, let first, let width):
            let digits = String(first + number)
            return .string(prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits)
        case .fixed(let value):
            return value
        }
    }

    /// A uniform number in [0, 1) from the top 53 bits of one random number.
    static func uniform(_ random: inout SeededGenerator) -> Double {
        Double(random.next() >> 11) * 0x1p-53
    }

    /// A band by weight (one random number), then a whole number in it (another).
    static func number(in bands: [PopulationDescription.Band], total: UInt64, using random: inout SeededGenerator) -> Int64 {
        var roll = random.next() % total
        var chosen = bands[bands.count - 1]
        for band in bands {
            if roll < band.weight { chosen = band; break }
            roll -= band.weight
        }
        let width = UInt64(bitPattern: chosen.high &- chosen.low) &+ 1
        return chosen.low &+ Int64(bitPattern: width == 0 ? random.next() : random.next() % width)
    }
}
