/// The default number of cases a randomized property check runs.
public let defaultPropertyCases = 10_000

/// A property that failed for one generated case, with what is needed to replay it.
public struct PropertyFailure: Error, CustomStringConvertible, Sendable {
    /// The seed of the run.
    public var seed: UInt64
    /// The zero-based index of the failing case within the run.
    public var caseIndex: Int
    /// A description of the generated input.
    public var input: String
    /// What the property observed.
    public var message: String

    /// A readable account of the failure, naming the seed so that the run can be replayed.
    public var description: String {
        "property failed (seed \(seed), case \(caseIndex)): \(message)\n  input: \(input)"
    }
}

/// Runs `cases` randomized checks of a property with a generator seeded by `seed`.
///
/// Each case receives a fresh generator derived from the run's seed and the case index, so a
/// single case can be replayed with `replayCase`. The body returns `nil` when the property
/// holds, or a message describing the violation. The first failure stops the run and is
/// thrown as a ``PropertyFailure`` naming the seed, so the test report always says how to
/// reproduce it.
///
/// - Parameters:
///   - seed: The seed of the run; keep it fixed in the test source.
///   - cases: How many cases to generate.
///   - body: Generates an input from the generator and checks the property.
/// - Throws: ``PropertyFailure`` for the first case that fails, or whatever `body` throws,
///   wrapped with the seed.
public func checkProperty(
    seed: UInt64,
    cases: Int = defaultPropertyCases,
    _ body: (inout SplitMix64) throws -> (input: String, failure: String?)
) throws {
    for index in 0..<cases {
        var generator = caseGenerator(seed: seed, caseIndex: index)
        let outcome: (input: String, failure: String?)
        do {
            outcome = try body(&generator)
        } catch {
            throw PropertyFailure(
                seed: seed, caseIndex: index, input: "(body threw)", message: "\(error)")
        }
        if let failure = outcome.failure {
            throw PropertyFailure(
                seed: seed, caseIndex: index, input: outcome.input, message: failure)
        }
    }
}

/// The generator that ``checkProperty(seed:cases:_:)`` hands to case `caseIndex` of the run
/// seeded with `seed`; use it to replay one failing case.
public func caseGenerator(seed: UInt64, caseIndex: Int) -> SplitMix64 {
    var mixer = SplitMix64(
        seed: seed ^ (UInt64(truncatingIfNeeded: caseIndex) &* 0xD1B5_4A32_D192_ED03))
    return SplitMix64(seed: mixer.next())
}

extension RandomNumberGenerator {
    /// A uniformly distributed integer in `range`, without modulo bias.
    public mutating func int(in range: ClosedRange<Int64>) -> Int64 {
        Int64.random(in: range, using: &self)
    }

    /// A uniformly distributed `Int64` in `range`; spares a type annotation where the
    /// literal bounds would otherwise make an `Int`.
    public mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        int(in: range)
    }

    /// A uniformly distributed integer in `range`, without modulo bias.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// `true` with probability `numerator / denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        Int.random(in: 0..<denominator, using: &self) < numerator
    }

    /// A random element of a non-empty array.
    public mutating func element<T>(of values: [T]) -> T {
        values[Int.random(in: 0..<values.count, using: &self)]
    }
}
