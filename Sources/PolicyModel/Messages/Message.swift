/// A message a person reads — an error, a warning, a help line, a refusal, a line of an
/// explanation — kept as a key with typed arguments and rendered only at the edge, in the
/// language asked for, from that language's catalogue (`zh-CN/`, `en/`).
///
/// ```swift
/// let message = Message.syntax(.emptyFile)
/// message.text(.zhCN)   // "文件是空的"
/// message.text(.en)     // "the file is empty"
/// ```
public indirect enum Message: Sendable, Hashable {
    /// Reading YAML and expressions (PolicySyntax).
    case syntax(SyntaxMessage)
    /// Names, types, includes and variants (PolicyCheck).
    case check(CheckMessage)
    /// What the analysis of the decision trees finds (warnings and notes).
    case finding(FindingMessage)
    /// Policy test files and their failures.
    case test(TestMessage)
    /// What the `carepolicy` command prints around the engine's messages.
    case cli(CLIMessage)
    /// Words shared by every kind of message: severities, suggestions, the files a problem affects.
    case common(CommonMessage)

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        switch self {
        case .syntax(let message): return message.text(language)
        case .check(let message): return message.text(language)
        case .finding(let message): return message.text(language)
        case .test(let message): return message.text(language)
        case .cli(let message): return message.text(language)
        case .common(let message): return message.text(language)
        }
    }
}

/// A set of message keys with a text in each language: `zhCN` in `zh-CN/`, `en` in `en/`.
public protocol MessageCatalogue: Sendable, Hashable {
    /// The message in Chinese (the default).
    var zhCN: String { get }
    /// The message in English.
    var en: String { get }
}

extension MessageCatalogue {
    /// The message in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .zhCN: return Written.tidyChinese(zhCN)
        case .en: return en
        }
    }
}

/// Writing helpers shared by the catalogues.
enum Written {
    /// A name or text from the user's file, in backticks: `` `age` ``.
    static func code(_ text: String) -> String { "`\(text)`" }

    /// Chinese text with the spaces that set a name apart dropped where Chinese
    /// punctuation or the end of the message already does (`` `x` ，`` → `` `x`， ``).
    static func tidyChinese(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var result = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let previous = result.last
                if next == nil || next.map(closing.contains) == true || previous.map(opening.contains) == true {
                    index += 1
                    continue
                }
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    static let closing: Set<Unicode.Scalar> = ["，", "。", "；", "：", "）", "、", "？", "！", "”"]
    static let opening: Set<Unicode.Scalar> = ["（", "“", "：", "）", "，", "；", "、", "。", "”"]

    /// Names in backticks, joined with `sep` (`、` in Chinese, `, ` in English).
    static func codes(_ names: [String], _ separator: String) -> String {
        names.map(code).joined(separator: separator)
    }
}
