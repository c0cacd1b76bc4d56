import MSPCore

/// An error from a period close: inputs that do not belong together, or an error of one of
/// the product modules, with the customer it happened in.
///
/// A struct with a ``code-swift.property`` rather than an enum, so that new codes do not
/// break a caller's `switch`; every error names the ``customer`` (when it is about one),
/// the ``field`` (a path into the customer's or the provider's document, such as
/// `"tickets[T-7].timeEntries[0].customer"`) and the offending ``value``.
public struct PeriodCloseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A record of another customer in a customer's document (a device, seat, site,
        /// ticket, time entry, monitored service or the agreement).
        public static let customerMismatch = Code(rawValue: "customerMismatch")
        /// An amount or rate in a currency other than the provider's.
        public static let currencyMismatch = Code(rawValue: "currencyMismatch")
        /// An agreement naming a price plan the provider does not have.
        public static let unknownPricePlan = Code(rawValue: "unknownPricePlan")
        /// An agreement naming an SLA policy the provider does not have.
        public static let unknownSLAPolicy = Code(rawValue: "unknownSLAPolicy")
        /// A policy, the time-and-materials rules or a maintenance window naming a calendar
        /// the provider does not have.
        public static let unknownCalendar = Code(rawValue: "unknownCalendar")
        /// Two price plans, SLA policies, customers, tickets or services with one identifier.
        public static let duplicateID = Code(rawValue: "duplicateID")
        /// A period that no price plan's billing cycle produces, or a plan with no period.
        public static let periodMismatch = Code(rawValue: "periodMismatch")
        /// A monitored service with both outages and a state timeline.
        public static let ambiguousMonitoring = Code(rawValue: "ambiguousMonitoring")
        /// A parallelism below 1.
        public static let invalidParallelism = Code(rawValue: "invalidParallelism")
        /// An error of MSPBilling (rating, time and materials, block hours, MRR).
        public static let billing = Code(rawValue: "billing")
        /// An error of MSPSLA (ticket timelines, availability, credits).
        public static let sla = Code(rawValue: "sla")
        /// An error of MSPInventory (the device and seat history).
        public static let inventory = Code(rawValue: "inventory")
        /// An error of MSPMonitoring (state timelines, maintenance).
        public static let monitoring = Code(rawValue: "monitoring")
        /// An error of MSPContracts (lifecycle, coverage, prepaid ledger).
        public static let contracts = Code(rawValue: "contracts")
        /// An error of MSPCore (periods, calendars, money).
        public static let core = Code(rawValue: "core")
    }

    /// The kind of failure.
    public var code: Code
    /// The customer whose document is wrong, or `nil` for the provider document.
    public var customer: CustomerID?
    /// The input the error is about, as a path into the document.
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for people.
    public var message: String

    /// Creates an error. Prefer the static factories, which fill in a consistent message.
    public init(code: Code, customer: CustomerID?, field: String, value: String, message: String) {
        self.code = code
        self.customer = customer
        self.field = field
        self.value = value
        self.message = message
    }

    /// `code: message`, prefixed with the customer.
    public var description: String {
        if let customer {
            "\(code) [customer \(customer)]: \(message)"
        } else {
            "\(code): \(message)"
        }
    }
}

extension PeriodCloseError {
    /// A record of `found` in `customer`'s document.
    public static func customerMismatch(
        customer: CustomerID, found: CustomerID, field: String
    ) -> PeriodCloseError {
        PeriodCloseError(
            code: .customerMismatch, customer: customer, field: field, value: found.rawValue,
            message: "\(field) belongs to customer \(found), not \(customer)")
    }

    /// An amount in `found` where the provider bills in `expected`.
    public static func currencyMismatch(
        customer: CustomerID?, expected: Currency, found: Currency, field: String
    ) -> PeriodCloseError {
        PeriodCloseError(
            code: .currencyMismatch, customer: customer, field: field, value: found.code,
            message: "\(field) is in \(found.code), the provider bills in \(expected.code)")
    }

    /// An agreement naming an unknown price plan.
    public static func unknownPricePlan(
        _ plan: PricePlanID, customer: CustomerID, field: String
    ) -> PeriodCloseError {
        PeriodCloseError(
            code: .unknownPricePlan, customer: customer, field: field, value: plan.rawValue,
            message: "\(field) names price plan \(plan), which the provider does not have")
    }

    /// An agreement naming an unknown SLA policy.
    public static func unknownSLAPolicy(
        _ policy: SLAPolicyID, customer: CustomerID, field: String
    ) -> PeriodCloseError {
        PeriodCloseError(
            code: .unknownSLAPolicy, customer: customer, field: field, value: policy.rawValue,
            message: "\(field) names SLA policy \(policy), which the provider does not have")
    }

    /// A name of a calendar the provider does not have.
    public static func unknownCalendar(_ name: String, field: String) -> PeriodCloseError {
        PeriodCloseError(
            code: .unknownCalendar, customer: nil, field: field, value: name,
            message: "\(field) names calendar \"\(name)\", which the provider does not have")
    }

    /// Two items with one identifier.
    public static func duplicateID(_ id: String, customer: CustomerID?, field: String)
        -> PeriodCloseError
    {
        PeriodCloseError(
            code: .duplicateID, customer: customer, field: field, value: id,
            message: "\(field) has the identifier \(id) twice")
    }

    /// A period that a plan's billing cycle does not produce.
    public static func periodMismatch(
        _ period: BillingPeriod, plan: PricePlanID, field: String
    ) -> PeriodCloseError {
        PeriodCloseError(
            code: .periodMismatch, customer: nil, field: field, value: period.description,
            message: "period \(period) is not a billing period of price plan \(plan)'s cycle")
    }

    /// A service with both outages and a state timeline.
    public static func ambiguousMonitoring(
        _ service: ServiceID, customer: CustomerID, field: String
    )
        -> PeriodCloseError
    {
        PeriodCloseError(
            code: .ambiguousMonitoring, customer: customer, field: field, value: service.rawValue,
            message: "\(field) has both outages and a state timeline; give one")
    }

    /// A parallelism below 1.
    public static func invalidParallelism(_ parallelism: Int) -> PeriodCloseError {
        PeriodCloseError(
            code: .invalidParallelism, customer: nil, field: "parallelism",
            value: String(parallelism), message: "parallelism \(parallelism) is below 1")
    }

    /// Wraps a module's error, prefixing its field with where it happened.
    static func wrapping(
        _ code: Code, customer: CustomerID?, context: String, field: String, value: String,
        message: String
    ) -> PeriodCloseError {
        let path = context.isEmpty ? field : (field.isEmpty ? context : "\(context).\(field)")
        return PeriodCloseError(
            code: code, customer: customer, field: path, value: value,
            message: context.isEmpty ? message : "\(context): \(message)")
    }
}
