import CFuzzDriver

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands the command line to libFuzzer, which runs `target` on each input it generates,
/// then ends the process with libFuzzer's status.
///
/// Swift executables keep their own `main`, so the fuzz targets start libFuzzer through
/// `LLVMFuzzerRunDriver` instead of linking libFuzzer's `main`.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}

/// libFuzzer's own `main`, linked in by `-sanitize=fuzzer` but replaced by the Swift entry
/// point, refers to this symbol; ``runFuzzer(_:)`` passes the real target instead, so this
/// one is never called.
@_cdecl("LLVMFuzzerTestOneInput")
public func unusedTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
