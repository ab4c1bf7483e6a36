import CarePolicy

/// How the service reads, checks and compiles one policy file (and what it includes or
/// extends) inside its policy directory: `LoadedPolicy.load`. A value, so that a test of
/// the reload deadline can put a check that never ends in its place.
///
/// ```swift
/// let result = PolicyReading.standard.load("policies/anqing.yaml", "policies")
/// ```
package struct PolicyReading: Sendable {
    package let load: @Sendable (_ path: String, _ policyDirectory: String) -> Result<LoadedPolicy, PolicyLoadError>

    package init(load: @escaping @Sendable (_ path: String, _ policyDirectory: String) -> Result<LoadedPolicy, PolicyLoadError>) {
        self.load = load
    }

    package static let standard = PolicyReading { path, directory in
        Result { () throws(PolicyLoadError) in try LoadedPolicy.load(path: path, policyDirectory: directory) }
    }
}
