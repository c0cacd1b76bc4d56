/// An exact running total of `Int64` values in 128 bits, for sums that must fail only when
/// the final total does not fit, never because of the order of the terms.
///
/// `[Int64.max, 1, -1]` sums to `Int64.max`: a checked 64-bit loop would stop at the
/// intermediate `Int64.max + 1`; this accumulator does not, because no order of the same
/// amounts should decide whether an invoice can be totalled.
@usableFromInline
internal struct WideAccumulator: Sendable {
    /// The high 64 bits, signed.
    @usableFromInline var high: Int64 = 0
    /// The low 64 bits.
    @usableFromInline var low: UInt64 = 0

    @inlinable
    init() {}

    /// Adds `value` exactly. Cannot overflow before 2^63 additions.
    @inlinable
    @inline(__always)
    mutating func add(_ value: Int64) {
        let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: value))
        low = sum
        high = high &+ (value >> 63) &+ (carry ? 1 : 0)
    }

    /// The total, or `nil` when it does not fit `Int64`.
    @inlinable
    var value: Int64? {
        let candidate = Int64(bitPattern: low)
        return high == candidate >> 63 ? candidate : nil
    }
}
