import ArgumentParser
import Foundation
import PolicyModel

/// `--lang`: the language of every message a command prints, Chinese unless `en` is
/// asked for here or in the environment variable `CAREPOLICY_LANG`.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language of messages: zh-CN (default) or en. Default also from CAREPOLICY_LANG.")
    var tag: String?

    /// The language asked for: `--lang`, else `CAREPOLICY_LANG`, else Chinese.
    var language: Language {
        tag.flatMap { Language(tag: $0) } ?? Language(environment: ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if let tag, Language(tag: tag) == nil {
            throw ValidationError("--lang `\(tag)`: use zh-CN or en (--lang 只能是 zh-CN 或 en)")
        }
    }
}
