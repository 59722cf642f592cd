import GRDB

/// Why the learner's storage could not be used, worded for the learner. Every store method throws
/// only this.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The data folder cannot be created or used.
    case folder(path: String, reason: String)
    /// The database exists but cannot be opened.
    case unreadable(path: String, reason: String)
    /// The disk is full.
    case full(path: String)
    /// The folder or the disk does not accept writes.
    case readOnly(path: String)
    /// The database is damaged (found while in use; at start it is moved aside instead).
    case damaged(path: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .folder(let path, let reason): "cannot use the folder \(path) for your answers: \(reason)"
        case .unreadable(let path, let reason): "cannot open your answers in \(path): \(reason)"
        case .full(let path): "the disk holding \(path) is full"
        case .readOnly(let path): "\(path) cannot be written to (a read-only folder or disk)"
        case .damaged(let path): "the file \(path) is damaged"
        case .failed(let path, let reason): "cannot use \(path): \(reason)"
        }
    }

    init(_ error: any Error, path: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self = .failed(path: path, reason: "\(error)")
            return
        }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            self = .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        default: self = .failed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
