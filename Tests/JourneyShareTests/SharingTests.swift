import CUnixSocket
import Foundation
import Glibc
@testable import JourneyShare
import JourneyUI
import Testing
import TestSupport

/// A shared presentation over real sockets: the presenter's server and a follower's client, each
/// against raw connections that misbehave.
@Suite struct SharingTests {
    private let folder: TemporaryFolder
    private let address: ShareAddress

    init() throws {
        folder = try TemporaryFolder()
        address = ShareAddress(presenter: .current, environment: ["JOURNEY_SHARE_DIR": folder.path()])
    }

    private func position(_ lesson: String) -> SharedPosition {
        SharedPosition(course: "c", courseTitle: "C", lesson: lesson, lessonTitle: lesson.uppercased(), block: 1, fraction: 0)
    }

    /// Reads from `fd` until `done` says enough (or ten seconds pass: a failure, not a timing).
    private func read(_ fd: Int32, until done: ([UInt8]) -> Bool) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(10)
        while !done(received), Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[..<count]
        }
        return received
    }

    /// The lesson of each line received (nil for a line that is not a position).
    private func lessons(_ bytes: [UInt8]) -> [String?] {
        bytes.split(separator: 0x0A).map { line in
            guard case .position(let position) = ShareWire.news(line) else { return nil }
            #expect(position.lessonStarted != nil, "a position says when its lesson began")
            return position.lesson
        }
    }

    @Test func everyFollowerGetsTheLatestPositionAndNothingAnotherSends() throws {
        let server = try ShareServer.start(address: address, sharingWith: nil) { _ in }
        defer { server.stop() }
        var info = stat()
        #expect(lstat(address.folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(lstat(address.socket, &info) == 0 && info.st_mode & 0o777 == 0o600)
        server.publish(position("one"))
        let (a, b) = (journey_socket_connect(address.socket), journey_socket_connect(address.socket))
        try #require(a >= 0 && b >= 0)
        defer { close(a); close(b) }
        #expect(lessons(read(a) { $0.last == 0x0A }) == ["one"], "a follower starts where the presenter is")
        #expect(lessons(read(b) { $0.last == 0x0A }) == ["one"])

        let junk = Array(#"{"position":{"course":"c","courseTitle":"C","lesson":"evil","lessonTitle":"E","block":0,"fraction":0}}"#.utf8) + [0x0A]
        _ = junk.withUnsafeBytes { journey_socket_send(a, $0.baseAddress!, $0.count) }
        server.publish(position("two"))
        server.publish(position("two"))
        #expect(lessons(read(a) { $0.last == 0x0A }) == ["two"])
        #expect(lessons(read(b) { $0.last == 0x0A }) == ["two"], "what a follower sends reaches nobody; a repeat is not sent")
    }

    @Test func aFollowerThatDoesNotReadGetsTheNewestPositionNotAQueue() throws {
        let server = try ShareServer.start(address: address, sharingWith: nil) { _ in }
        defer { server.stop() }
        let stuck = journey_socket_connect(address.socket)
        try #require(stuck >= 0)
        defer { close(stuck) }
        // Far more than a socket buffer holds: the presenter hands each over and goes on.
        for index in 0..<20000 { server.publish(position("lesson-\(index)")) }
        let received = lessons(read(stuck) { String(decoding: $0, as: UTF8.self).contains("\"lesson-19999\"") })
        #expect(received.last == "lesson-19999")
        #expect(received.count < 20000, "slow followers skip positions rather than queue them: \(received.count)")
        #expect(!received.contains(nil), "every line whole")
    }

    @Test func aSecondPresenterOfTheSameUserIsRefusedAndAStaleSocketIsReplaced() throws {
        let first = try ShareServer.start(address: address, sharingWith: nil) { _ in }
        #expect(throws: ShareError.self) { try ShareServer.start(address: address, sharingWith: nil) { _ in } }
        first.stop()
        // What a presenter killed with -9 leaves: a socket file nobody listens at.
        unlink(address.socket)
        let stale = journey_socket_listen(address.socket, 1)
        try #require(stale >= 0)
        close(stale)
        let second = try ShareServer.start(address: address, sharingWith: nil) { _ in }
        second.stop()
    }

    @Test func theFollowerPassesOnPositionsAndSkipsWhatIsMalformed() throws {
        try FileManager.default.createDirectory(atPath: address.folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let listener = journey_socket_listen(address.socket, 4)
        try #require(listener >= 0)
        defer { close(listener) }
        let heard = Heard()
        let client = ShareClient.start(address: address, course: "c") { heard.append($0) }
        defer { client.stop() }
        var fd: Int32 = -1
        let deadline = Date().addingTimeInterval(10)
        while fd < 0, Date() < deadline {
            fd = journey_socket_accept(listener)
            if fd < 0 { usleep(10000) }
        }
        try #require(fd >= 0)
        let garbage = "not json\n{\"position\":{\"course\":\"c\"}}\n" + String(repeating: "z", count: 10000) + "\n"
        let bytes = Array(garbage.utf8) + ShareWire.line(position("good"))
        _ = bytes.withUnsafeBytes { journey_socket_send(fd, $0.baseAddress!, $0.count) }
        try #require(heard.wait { $0.contains(.position(position("good"))) })
        #expect(heard.news.filter { $0 != .waiting } == [.position(position("good"))], "\(heard.news)")
        close(fd)
        try #require(heard.wait { $0.last == .waiting }, "a presenter hanging up means waiting for the next one")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to make a folder that belongs to another user"))
    func theFollowerRefusesWhatDoesNotBelongToThePresenter() throws {
        try FileManager.default.createDirectory(atPath: address.folder, withIntermediateDirectories: true)
        let listener = journey_socket_listen(address.socket, 4)
        try #require(listener >= 0)
        defer { close(listener) }
        chown(address.folder, 65534, 65534)
        let heard = Heard()
        let client = ShareClient.start(address: address, course: "c") { heard.append($0) }
        defer { client.stop() }
        try #require(heard.wait { !$0.isEmpty })
        guard case .refused(let reason) = heard.news.first else {
            Issue.record("followed a folder of another user's: \(heard.news)")
            return
        }
        #expect(reason.contains("not following it"), "\(reason)")
    }
}

/// What a client delivered, from its thread.
private final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [PresenterNews] = []

    var news: [PresenterNews] { lock.withLock { received } }

    func append(_ news: PresenterNews) { lock.withLock { received.append(news) } }

    /// Waits (at most ten seconds, a failure) until `done` holds.
    func wait(_ done: ([PresenterNews]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if done(news) { return true }
            usleep(10000)
        }
        return false
    }
}
