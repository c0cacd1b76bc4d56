/// Splitting an amount into parts that always add back to it.
///
/// Allocation never loses or invents a minor unit. Each part first gets the share
/// `total × weight / Σ weights` rounded toward zero; the minor units left over (fewer than
/// the number of parts) then go one each to the parts with the **largest remainders**, and
/// among equal remainders to the **earliest part** in the list. This is the
/// largest-remainder (Hamilton) method; with equal weights it gives the extra units to the
/// first parts.
///
/// | total | weights | parts |
/// |---|---|---|
/// | 100.00 | 1, 1, 1 | 33.34, 33.33, 33.33 |
/// | 0.05 | 3, 7 | 0.02, 0.03 (exact 0.015 and 0.035: equal remainders, the first part wins) |
/// | 10.00 | 1, 0, 1 | 5.00, 0.00, 5.00 |
/// | -100.00 | 1, 1, 1 | -33.34, -33.33, -33.33 |
/// | 0.02 | 1, 1, 1 | 0.01, 0.01, 0.00 |
/// | 0.00 | 2, 1 | 0.00, 0.00 |
///
/// A negative total is allocated by magnitude and every part gets the total's sign, so parts
/// of a credit are credits. A part with weight zero always gets zero.
extension Money {
    /// The most parts one allocation may produce: 1,000,000, the hard maximum of
    /// ``ResourceLimits/allocationParts``.
    public static let maximumAllocationParts = 1_000_000

    /// Splits the amount in proportion to integer weights.
    ///
    /// - Parameters:
    ///   - weights: One non-negative weight per part, not all zero.
    ///   - limits: The limits to enforce; ``ResourceLimits/default`` unless a host lowers
    ///     them.
    /// - Returns: One amount per weight, in the same order, summing exactly to `self`.
    /// - Throws: ``MoneyError`` `invalidRatio` for an empty list, a negative weight or all
    ///   zeros, `invalidCount` for more than `limits.allocationParts` parts (by default
    ///   ``maximumAllocationParts``), `overflow` when the weights' sum does not fit 64 bits.
    /// - Complexity: O(*n* log *n*) for *n* parts.
    public func allocated(by weights: [Int64], limits: ResourceLimits = .default)
        throws(MoneyError) -> [Money]
    {
        guard !weights.isEmpty else { throw .invalidRatio("[]", reason: "no parts") }
        guard weights.count <= limits.allocationParts else {
            throw .invalidCount(
                weights.count, field: "parts",
                reason: "more than \(limits.allocationParts) parts")
        }
        var total: Int64 = 0
        for weight in weights {
            guard weight >= 0 else {
                throw .invalidRatio(weightsText(weights), reason: "weight \(weight) is negative")
            }
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else {
                throw .overflow(operation: "allocate", operands: "sum of weights")
            }
            total = sum
        }
        guard total > 0 else {
            throw .invalidRatio(weightsText(weights), reason: "all weights are zero")
        }
        return distribute(weights: weights, weightSum: UInt64(total))
    }

    /// Splits the amount in proportion to exact ratios (`[1/3, 2/3]`, `[0.5, 0.25, 0.25]`).
    ///
    /// The ratios need not sum to one: they are weights. They are brought to a common
    /// denominator and allocated as integers, so the result is the same as for the
    /// equivalent integer weights.
    ///
    /// - Parameters:
    ///   - ratios: One non-negative ratio per part, not all zero.
    ///   - limits: The limits to enforce; ``ResourceLimits/default`` unless a host lowers
    ///     them.
    /// - Throws: as ``allocated(by:limits:)-([Int64],_)``, plus `overflow` when the common
    ///   denominator does not fit 64 bits.
    /// - Complexity: O(*n* log *n*) for *n* parts.
    public func allocated(by ratios: [Rational], limits: ResourceLimits = .default)
        throws(MoneyError) -> [Money]
    {
        var common: Int64 = 1
        for ratio in ratios {
            let g = Int64(ExactArithmetic.gcd(common.magnitude, ratio.denominator.magnitude))
            let (lcm, overflow) = (common / g).multipliedReportingOverflow(by: ratio.denominator)
            guard !overflow else {
                throw .overflow(operation: "allocate", operands: "common denominator of ratios")
            }
            common = lcm
        }
        var weights: [Int64] = []
        weights.reserveCapacity(ratios.count)
        for ratio in ratios {
            let (weight, overflow) = ratio.numerator.multipliedReportingOverflow(
                by: common / ratio.denominator)
            guard !overflow else {
                throw .overflow(operation: "allocate", operands: "ratio \(ratio)")
            }
            weights.append(weight)
        }
        return try allocated(by: weights, limits: limits)
    }

    /// Splits the amount into `count` parts as equal as possible; the first parts get the
    /// extra minor units: `100.00 USD` into 3 is `[33.34, 33.33, 33.33]`.
    ///
    /// - Parameters:
    ///   - count: The number of parts.
    ///   - limits: The limits to enforce; ``ResourceLimits/default`` unless a host lowers
    ///     them.
    /// - Throws: ``MoneyError`` `invalidCount` when `count` is not in
    ///   `1...limits.allocationParts` (by default `1...maximumAllocationParts`).
    /// - Complexity: O(*n*).
    public func split(into count: Int, limits: ResourceLimits = .default)
        throws(MoneyError) -> [Money]
    {
        guard count >= 1, count <= limits.allocationParts else {
            throw .invalidCount(
                count, field: "count", reason: "must be in 1...\(limits.allocationParts)")
        }
        let magnitude = minorUnits.magnitude
        let base = magnitude / UInt64(count)
        let extra = Int(magnitude % UInt64(count))
        let negative = minorUnits < 0
        var parts: [Money] = []
        parts.reserveCapacity(count)
        for index in 0..<count {
            parts.append(signedPart(base + (index < extra ? 1 : 0), negative: negative))
        }
        return parts
    }

    /// The largest-remainder distribution of `|minorUnits|` by validated weights: each part
    /// gets the floor of its exact share, and the units left over go one each to the parts
    /// with the largest remainders, the earlier part first on a tie.
    private func distribute(weights: [Int64], weightSum: UInt64) -> [Money] {
        let magnitude = minorUnits.magnitude
        let count = weights.count
        // Part i's share at 2i and its remainder at 2i + 1: one allocation.
        var parts: [UInt64] = []
        parts.reserveCapacity(2 * count)
        var assigned: UInt64 = 0
        for weight in weights {
            // share ≤ magnitude, so the full-width division cannot overflow.
            let product = magnitude.multipliedFullWidth(by: UInt64(weight))
            let (share, remainder) = weightSum.dividingFullWidth(product)
            parts.append(share)
            parts.append(remainder)
            assigned += share
        }
        // The remainders sum to leftover × weightSum and each is below weightSum, so more
        // than `leftover` of them are non-zero: no unit goes to a part without a remainder.
        var leftover = Int(magnitude - assigned)
        if leftover <= Self.leftoverScanLimit {
            // A few units (always, for up to 9 parts): each goes to the largest remainder
            // not yet served, the earliest on a tie, found by a scan: no index array, no sort.
            while leftover > 0 {
                var best = 1
                for index in stride(from: 3, to: 2 * count, by: 2) where parts[index] > parts[best]
                {
                    best = index
                }
                parts[best - 1] += 1
                parts[best] = 0
                leftover -= 1
            }
        } else {
            let order = (0..<count).sorted { (first: Int, second: Int) -> Bool in
                let (a, b) = (parts[2 * first + 1], parts[2 * second + 1])
                return a != b ? a > b : first < second
            }
            for index in order.prefix(leftover) { parts[2 * index] += 1 }
        }
        let negative = minorUnits < 0
        var result: [Money] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(signedPart(parts[2 * index], negative: negative)) }
        return result
    }

    /// Up to this many leftover units are placed by scanning the remainders once per unit;
    /// more are placed through one sort of the parts by remainder.
    internal static var leftoverScanLimit: Int { 8 }

    /// A part of this amount's magnitude with this amount's sign. Parts never exceed the
    /// magnitude, so the conversion cannot overflow (`Int64.min` is handled by wrapping).
    private func signedPart(_ magnitude: UInt64, negative: Bool) -> Money {
        let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        return Money(minorUnits: value, currency: currency)
    }

    private func weightsText(_ weights: [Int64]) -> String {
        "[" + weights.prefix(8).map(String.init).joined(separator: ", ")
            + (weights.count > 8 ? ", …]" : "]")
    }
}
