import CarePolicy
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which policy files a writer holds open after changing them, heard from Linux's
/// inotify: a file is being written from its first change (`IN_CREATE`, `IN_MODIFY`)
/// until its writer closes it (`IN_CLOSE_WRITE`) or it is renamed into place
/// (`IN_MOVED_TO`). A file written in pieces with pauses is therefore never taken
/// half-way, however long the pauses. Elsewhere `init` returns nil and the service
/// relies on the settle period alone.
///
/// Not thread-safe: the reloader owns one and drains it between reloads.
final class FileWriteWatch {
    /// The policy files written and not yet closed, by normalized path.
    private(set) var writing: Set<String> = []
    #if os(Linux)
    private let descriptor: Int32
    private var directories: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    // The <sys/inotify.h> values (the same on every Linux architecture).
    private static let modify: UInt32 = 0x2, closeWrite: UInt32 = 0x8, movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80
    private static let create: UInt32 = 0x100, delete: UInt32 = 0x200, overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000
    private static let isDirectory: UInt32 = 0x4000_0000
    private static let watched: UInt32 = modify | closeWrite | movedFrom | movedTo | create | delete
    #endif

    /// Watches `directory` and every folder under it; nil where inotify is not available.
    init?(directory: String) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        guard add(PolicyFiles.normalized(directory)) else {
            close(descriptor)
            return nil
        }
        #else
        return nil
        #endif
    }

    deinit {
        #if os(Linux)
        close(descriptor)
        #endif
    }

    /// In what `drain` returns: events were lost, so any file may have changed.
    static let lost = "\u{0}events lost"

    /// Reads every event queued since the last call: the policy files (and folders)
    /// they touched, with `lost` among them when the kernel dropped events.
    func drain() -> Set<String> {
        #if os(Linux)
        var touched: Set<String> = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            handle(count, touched: &touched)
        }
        return touched
        #else
        return []
        #endif
    }

    #if os(Linux)
    /// Adds a watch on `path` and, when it is new, on every folder under it.
    @discardableResult
    private func add(_ path: String) -> Bool {
        let watch = inotify_add_watch(descriptor, path, Self.watched)
        guard watch >= 0 else { return false }
        directories[watch] = path
        if let children = try? FileManager.default.contentsOfDirectory(atPath: path) {
            for child in children {
                var isDirectory: ObjCBool = false
                let full = path + "/" + child
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue { add(full) }
            }
        }
        return true
    }

    private func handle(_ count: Int, touched: inout Set<String>) {
        var offset = 0
        let header = 16
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            if mask & Self.overflow != 0 {
                // Nobody can say which files are still open: none is held for writing,
                // and the settle period alone decides.
                writing.removeAll()
                touched.insert(Self.lost)
                continue
            }
            if mask & Self.ignored != 0 {
                directories[watch] = nil
                continue
            }
            guard let directory = directories[watch], !nameBytes.isEmpty else { continue }
            let path = directory + "/" + String(decoding: nameBytes, as: UTF8.self)
            if mask & Self.isDirectory != 0 {
                if mask & (Self.create | Self.movedTo) != 0 { add(path) }
                touched.insert(path)
                continue
            }
            guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { continue }
            touched.insert(path)
            if mask & (Self.create | Self.modify) != 0 { writing.insert(path) }
            if mask & (Self.closeWrite | Self.movedTo | Self.movedFrom | Self.delete) != 0 { writing.remove(path) }
        }
    }
    #endif
}
