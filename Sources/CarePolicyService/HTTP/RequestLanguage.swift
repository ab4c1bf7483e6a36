import Hummingbird
import PolicyModel

extension Request {
    /// The language the client reads: `Accept-Language: en` gives English; anything
    /// else, or nothing, Chinese.
    var language: Language { Language(acceptLanguage: headers[.acceptLanguage]) }
}
