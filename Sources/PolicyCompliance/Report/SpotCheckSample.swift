#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel

/// The township's spot check: for each window of the policy's `spot_check` kind that
/// overlaps the period (each quarter), `count` elders drawn without replacement from those
/// judged, each weighted 1 + the windows it missed that start in that quarter. The draw is
/// deterministic: the same seed, elders and outcomes give the same sample whatever the
/// order of the files (each elder's chance comes from a hash of the seed, the window and
/// its id, not from a random generator's sequence). Ids are listed in id order.
///
/// ```swift
/// SpotCheckSample.draw(outcomes, roster: roster, period: period, per: .quarter, count: 5, seed: 7)
/// // [("2025-Q1", ["e12", "e3", …]), ("2025-Q2", […]), …]
/// ```
package enum SpotCheckSample {
    package static func draw(_ outcomes: [ElderOutcome], roster: ElderRoster, period: CompliancePeriod, per kind: ComplianceWindowKind,
                             count: Int, seed: UInt64) -> [(window: String, elders: [String])] {
        var result: [(window: String, elders: [String])] = []
        var day = period.from.dayNumber
        while day <= period.to.dayNumber, let date = CivilDate(dayNumber: day), let window = kind.window(containing: date) {
            day = window.end.dayNumber + 1
            var keyed: [(key: Double, id: String)] = []
            for outcome in outcomes where outcome.isJudged {
                let missed = outcome.tallies.reduce(0) { total, tally in
                    total + tally.missed.filter { $0.start >= window.start && $0.start <= window.end }.count
                }
                let id = roster.elders[outcome.elder].id
                let uniform = unitInterval(seed: seed, window: window.label, id: id)
                keyed.append((-log(uniform) / Double(1 + missed), id))
            }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
            let drawn = keyed.prefix(max(0, count)).map(\.id).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            result.append((window.label, drawn))
        }
        return result
    }

    /// A number in (0, 1] from the seed, the window and the id: FNV-1a, then SplitMix64's finaliser.
    static func unitInterval(seed: UInt64, window: String, id: String) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in Array(window.utf8) + [0] + Array(id.utf8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var mixed = hash &+ 0x9e37_79b9_7f4a_7c15
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= mixed >> 31
        return Double((mixed >> 11) + 1) / 9_007_199_254_740_992.0
    }
}
