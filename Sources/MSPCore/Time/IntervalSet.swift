/// Set operations on sorted, disjoint half-open intervals of milliseconds.
enum IntervalSet {
    /// The union of `intervals` (in any order) as sorted, disjoint, non-touching intervals.
    static func union(_ intervals: [(Int64, Int64)]) -> [(Int64, Int64)] {
        let sorted = intervals.sorted { $0.0 < $1.0 }
        var result: [(Int64, Int64)] = []
        result.reserveCapacity(sorted.count)
        for interval in sorted where interval.0 < interval.1 {
            if let last = result.last, interval.0 <= last.1 {
                result[result.count - 1].1 = max(last.1, interval.1)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// The union of two sorted, disjoint lists.
    static func union(_ lhs: [(Int64, Int64)], _ rhs: [(Int64, Int64)]) -> [(Int64, Int64)] {
        rhs.isEmpty ? lhs : union(lhs + rhs)
    }

    /// `lhs` without the instants of `rhs`; both sorted and disjoint.
    static func subtract(_ lhs: [(Int64, Int64)], _ rhs: [(Int64, Int64)]) -> [(Int64, Int64)] {
        guard !rhs.isEmpty else { return lhs }
        var result: [(Int64, Int64)] = []
        result.reserveCapacity(lhs.count)
        var cut = 0
        for (start, end) in lhs {
            var cursor = start
            while cut < rhs.count, rhs[cut].1 <= cursor { cut += 1 }
            var index = cut
            while index < rhs.count, rhs[index].0 < end {
                if rhs[index].0 > cursor { result.append((cursor, rhs[index].0)) }
                cursor = max(cursor, rhs[index].1)
                index += 1
            }
            if cursor < end { result.append((cursor, end)) }
        }
        return result
    }
}
