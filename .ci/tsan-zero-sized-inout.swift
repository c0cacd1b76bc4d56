// A ThreadSanitizer false report on zero-sized values, reduced from MSPSLA's replay kernel
// (see Docs/Reliability.md, "Sanitizers and coverage"). Run:
//
//   swiftc -sanitize=thread -Onone .ci/tsan-zero-sized-inout.swift -o /tmp/tsan-repro
//   /tmp/tsan-repro        # NoSink: every task prints one address; TSan reports a race
//   /tmp/tsan-repro byte   # ByteSink: an address per task; no report
//
// Each task owns its sink; nothing is shared. A struct without stored properties has no
// storage, so its `inout` address is a placeholder common to all callers, and the generic
// function's instrumented inout access looks like concurrent writes to one variable.
// Many tasks, each with its own zero-sized value passed inout to a generic function
// through a closure, as SLAEngine.replay passes its NoSink to the kernel.
protocol Sink { mutating func note(_ value: Int) }
struct NoSink: Sink { mutating func note(_ value: Int) {} }
struct ByteSink: Sink { var unused: UInt8 = 0; mutating func note(_ value: Int) {} }

func kernel<S: Sink>(_ values: UnsafeBufferPointer<Int>, sink: inout S) -> Int {
    var total = 0
    for value in values { sink.note(value); total &+= value }
    return total
}

func replay<S: Sink>(_ values: [Int], sink: inout S) -> Int {
    values.withUnsafeBufferPointer { buffer in kernel(buffer, sink: &sink) }
}

func address<S>(_ value: inout S) -> UnsafeMutableRawPointer {
    withUnsafeMutablePointer(to: &value) { UnsafeMutableRawPointer($0) }
}

let useByte = CommandLine.arguments.contains("byte")
let values = Array(0..<10_000)
await withTaskGroup(of: Void.self) { group in
    for task in 0..<4 {
        group.addTask {
            for round in 0..<200 {
                if useByte {
                    var sink = ByteSink()
                    if round == 0 { print("task \(task): ByteSink at \(address(&sink))") }
                    _ = replay(values, sink: &sink)
                } else {
                    var sink = NoSink()
                    if round == 0 { print("task \(task): NoSink at \(address(&sink))") }
                    _ = replay(values, sink: &sink)
                }
            }
        }
    }
}
