import CarePolicy
import Foundation

/// How the service checks and compiles one policy file (and what it includes or
/// extends) inside its policy directory, from the bytes it already read (files it did
/// not read come from the disk): `LoadedPolicy.load`. A value, so that a test of the
/// reload deadline can put a check that never ends in its place.
///
/// ```swift
/// let result = PolicyReading.standard.load("policies/anqing.yaml", "policies", [:])
/// ```
package struct PolicyReading: Sendable {
    package typealias Load = @Sendable (_ path: String, _ policyDirectory: String, _ preread: [String: Data]) -> Result<LoadedPolicy, PolicyLoadError>

    package let load: Load

    package init(load: @escaping Load) {
        self.load = load
    }

    package static let standard = PolicyReading { path, directory, preread in
        Result { () throws(PolicyLoadError) in try LoadedPolicy.load(path: path, policyDirectory: directory, preread: preread) }
    }
}
