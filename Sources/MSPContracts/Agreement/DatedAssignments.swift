import MSPCore

/// A value that changes on dates: which price plan or SLA policy is in force when.
///
/// Each assignment holds from its effective date until the next one's. The list is never
/// empty and its dates strictly increase; ``Agreement`` also requires the first date to be
/// the agreement's start date, so something is in force on every day of the agreement.
///
/// JSON: `[{"effective": "2025-03-15", "value": "plan-gold"}, ...]`.
public struct DatedAssignments<Value: Hashable & Sendable>: Sendable, Hashable {
    /// One value and the date it takes effect.
    public struct Assignment: Sendable, Hashable {
        /// The first day the value is in force.
        public let effective: LocalDate
        /// The value.
        public let value: Value

        /// Creates an assignment.
        public init(effective: LocalDate, value: Value) {
            self.effective = effective
            self.value = value
        }
    }

    /// The assignments in effective-date order.
    public let assignments: [Assignment]

    /// Creates the list.
    ///
    /// - Throws: ``ContractError`` `invalidAssignments` when the list is empty or the dates do
    ///   not strictly increase.
    public init(_ assignments: [Assignment]) throws(ContractError) {
        guard let first = assignments.first else {
            throw .invalidAssignments(field: "assignments", value: "[]", reason: "is empty")
        }
        var previous = first.effective
        for (offset, assignment) in assignments.enumerated().dropFirst() {
            guard previous < assignment.effective else {
                throw .invalidAssignments(
                    field: "assignments[\(offset)]", value: assignment.effective.description,
                    reason: "effective dates must strictly increase (after \(previous))")
            }
            previous = assignment.effective
        }
        self.assignments = assignments
    }

    /// One value in force from `effective` on.
    public init(_ value: Value, from effective: LocalDate) {
        self.assignments = [Assignment(effective: effective, value: value)]
    }

    /// The value in force on `date`, or `nil` before the first assignment.
    ///
    /// - Complexity: O(log *n*).
    public func value(on date: LocalDate) -> Value? {
        var low = 0
        var high = assignments.count
        while low < high {
            let middle = (low + high) / 2
            if assignments[middle].effective <= date { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : assignments[low - 1].value
    }
}

extension DatedAssignments.Assignment: Codable where Value: Codable {}

extension DatedAssignments: Codable where Value: Codable {
    /// Decodes the JSON array and re-validates the order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(container.decode([Assignment].self))
    }

    /// Encodes the JSON array of `{"effective", "value"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(assignments)
    }
}
