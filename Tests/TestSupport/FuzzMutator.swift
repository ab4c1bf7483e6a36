/// Makes hostile inputs from good ones for the seeded fuzz tests: flips, inserts, deletes,
/// repeats and splices bytes, and drops in tokens a reader must survive (quotes, brackets,
/// NUL, invalid UTF-8, deep nesting, huge numbers). With a seeded generator the same
/// seed gives the same inputs on every machine, so a failure can be replayed.
public struct FuzzMutator: Sendable {
    /// Byte strings worth inserting whole.
    public let dictionary: [[UInt8]]

    public init(dictionary: [String]) {
        let hostile: [[UInt8]] = [[0], [0xFF], [0xC3], [0xE5, 0xAE], [0xED, 0xA0, 0x80], [0x0D], [0x09], [0x7F], [0xC2, 0x85]]
        self.dictionary = dictionary.map { Array($0.utf8) } + hostile
    }

    /// One to four mutations of `input`, or of `other` spliced into it.
    public func mutate(_ input: [UInt8], splicing other: [UInt8], using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0 where position < bytes.count:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1:
                bytes.insert(contentsOf: dictionary.randomElement(using: &generator) ?? [], at: position)
            case 2 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
                bytes.removeSubrange(position..<end)
            case 3 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &generator))
                let piece = Array(bytes[position..<end])
                bytes.insert(contentsOf: Array(repeating: piece, count: Int.random(in: 2...40, using: &generator)).joined(), at: position)
            case 4 where !other.isEmpty:
                let start = Int.random(in: 0..<other.count, using: &generator)
                let end = min(other.count, start + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: other[start..<end], at: position)
            case 5:
                bytes.removeSubrange(position...)
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            }
        }
        return bytes
    }

    /// The line count of `bytes` plus one: no error can lie below the line after the last.
    public static func lastLine(of bytes: [UInt8]) -> Int {
        bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
    }
}
