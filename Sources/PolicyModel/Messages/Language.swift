/// The language a person reads messages in: Chinese (zh-CN) unless English is asked for.
///
/// ```swift
/// Language(tag: "en-US")                          // .en
/// Language(acceptLanguage: "en;q=0.8, zh;q=0.9")  // .zhCN
/// Language.standard                               // .zhCN
/// ```
public enum Language: String, Sendable, Hashable, CaseIterable {
    case zhCN = "zh-CN"
    case en

    /// The language of every message no one asked otherwise for.
    public static let standard = Language.zhCN

    /// The language a tag names (`zh`, `zh-CN`, `zh-Hans`, `en`, `en-GB`, any case), or nil.
    public init?(tag: String) {
        let primary = String(tag.trimmingSpaces).lowercased().split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        switch primary {
        case "zh": self = .zhCN
        case "en": self = .en
        default: return nil
        }
    }

    /// The language an HTTP `Accept-Language` header prefers among those there are
    /// (highest `q` first, the first written on a tie); Chinese when it names none of them.
    public init(acceptLanguage header: String?) {
        guard let header else { self = .standard; return }
        var best: (language: Language, quality: Double)?
        for range in header.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let first = parts.first, let language = Language(tag: String(first)) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
                if pair.count == 2, pair[0] == "q" { quality = Double(pair[1]) ?? 0 }
            }
            if quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        self = best?.language ?? .standard
    }

    /// The language the environment variable `CAREPOLICY_LANG` names, else Chinese.
    public init(environment: [String: String]) {
        self = environment["CAREPOLICY_LANG"].flatMap { Language(tag: $0) } ?? .standard
    }
}
