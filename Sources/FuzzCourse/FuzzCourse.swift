import TestSupport

/// libFuzzer entry point for `scripts/fuzz`: each input goes through `FuzzCheck`, and a problem is a
/// crash libFuzzer keeps. A plain build makes a harmless executable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCourse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let problem = FuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size))) {
        fatalError(problem)
    }
    return 0
}
