/// A bucket index over a sorted `[Int64]` that turns "how many elements are below `value`"
/// into two table loads and, usually, one comparison.
///
/// The value range `[origin, end]` is cut into buckets of `2^shift`; `counts[k]` is the
/// number of elements below `origin + k << shift`. The answer for a value in bucket `k` lies
/// in `counts[k]...counts[k + 1]`, so only the elements inside that bucket are searched,
/// branch-free. The bucket size is chosen so there are about two buckets per element, which
/// keeps the table as small as the array and most buckets to zero or one element.
@usableFromInline
struct SortedSearchIndex: Sendable, Hashable {
    /// The value of the first bucket's lower edge.
    @usableFromInline let origin: Int64
    /// The base-2 logarithm of the bucket width.
    @usableFromInline let shift: Int64
    /// `counts[k]`: how many elements are below `origin + k << shift`; one more entry than
    /// buckets.
    @usableFromInline let counts: [Int32]

    /// Indexes `array` (sorted, at most `Int32.max` elements) for values in `[origin, end]`.
    ///
    /// - Complexity: O(*n* + *b*) for *n* elements and *b* ≤ 2*n* + 3 buckets.
    init(_ array: [Int64], origin: Int64, end: Int64) {
        let span = max(end - origin, 1)
        let wanted = Int64(max(2 * array.count, 1))
        var shift: Int64 = 0
        while span >> shift > wanted { shift += 1 }
        let buckets = Int(span >> shift) + 2
        var counts: [Int32] = []
        counts.reserveCapacity(buckets + 1)
        var below = 0
        for bucket in 0...buckets {
            let edge = origin + Int64(bucket) << shift
            while below < array.count, array[below] < edge { below += 1 }
            counts.append(Int32(below))
        }
        self.origin = origin
        self.shift = shift
        self.counts = counts
    }

    /// How many elements of `array` (the array this index was built from) are below `value`.
    ///
    /// - Complexity: O(1) when the bucket of `value` holds O(1) elements; O(log *n*) at
    ///   worst.
    @inlinable
    func count(of array: [Int64], below value: Int64) -> Int {
        let bucket = Int(truncatingIfNeeded: (value &- origin) &>> shift)
        guard bucket >= 0, bucket < counts.count - 1 else {
            return SortedSearchIndex.count(of: array, below: value, in: 0, array.count)
        }
        let low = Int(counts[bucket])
        let high = Int(counts[bucket &+ 1])
        return SortedSearchIndex.count(of: array, below: value, in: low, high &- low)
    }

    /// `start` plus how many of the `length` elements of sorted `array` from `start` are
    /// below `value`.
    ///
    /// A branch-free binary search: each step adds `half` under a sign mask instead of
    /// branching, so random queries cost no mispredictions. Elements and `value` are
    /// milliseconds within years 1...9999, so their difference cannot overflow.
    ///
    /// - Complexity: O(log `length`).
    @inlinable
    static func count(of array: [Int64], below value: Int64, in start: Int, _ length: Int) -> Int {
        array.withUnsafeBufferPointer { buffer in
            guard length > 0 else { return start }
            var base = start
            var remaining = length
            while remaining > 1 {
                let half = remaining &>> 1
                // All ones when the element is below `value`, else zero.
                let mask = Int(truncatingIfNeeded: (buffer[base &+ half] &- value) &>> 63)
                base &+= half & mask
                remaining &-= half
            }
            return base &+ Int(truncatingIfNeeded: ((buffer[base] &- value) &>> 63) & 1)
        }
    }

    /// Whether every bucket count is the number of elements of `array` below its edge.
    ///
    /// - Complexity: O(*b*) for *b* buckets.
    func agrees(with array: [Int64]) -> Bool {
        for (bucket, count) in counts.enumerated() {
            let edge = origin + Int64(bucket) << shift
            let index = Int(count)
            guard index >= 0, index <= array.count else { return false }
            if index > 0, array[index - 1] >= edge { return false }
            if index < array.count, array[index] < edge { return false }
        }
        return true
    }
}
