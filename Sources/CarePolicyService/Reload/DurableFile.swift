import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written so that a crash leaves either nothing or the whole text: created new
/// (never over an existing file), written in full, flushed with `fsync` before they are
/// renamed into place; and the folder flushed after a rename, so the rename lasts too.
enum DurableFile {
    /// Why a file could not be written.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates `path` (it must not exist) with `bytes`, the permissions of `model` when
    /// it exists (else rw-r--r--), and flushes it to disk.
    static func create(_ path: String, bytes: [UInt8], permissionsLike model: String) throws {
        var mode: mode_t = 0o644
        var status = stat()
        if stat(model, &status) == 0 { mode = status.st_mode & 0o7777 }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { write(descriptor, $0 + written, buffer.count - written) } ?? 0
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw Failure(description: "cannot write \(path): \(reason)")
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw Failure(description: "cannot flush \(path) to disk: \(reason)")
        }
    }

    /// Flushes a folder's entries (a rename into it) to disk; best effort.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
