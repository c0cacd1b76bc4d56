import MSPBilling
import MSPCore

extension ProviderDocument {
    /// The billing period of `year`-`month` in the provider's plans: the period of the
    /// first plan's cycle that contains the first instant of the month in the cycle's time
    /// zone (for the usual monthly cycle anchored on the 1st, the calendar month).
    ///
    /// - Throws: ``PeriodCloseError`` `periodMismatch` when the provider has no plan, or a
    ///   wrapped `PeriodError` for a month outside the supported years.
    public func period(year: Int, month: Int) throws(PeriodCloseError) -> BillingPeriod {
        guard let plan = pricePlans.first else {
            throw PeriodCloseError(
                code: .periodMismatch, customer: nil, field: "pricePlans", value: "[]",
                message: "the provider has no price plan to take a billing cycle from")
        }
        let context = ErrorContext(customer: nil)
        return try context.period("period") { () throws(PeriodError) in
            let first = try LocalDate(year: year, month: month, day: 1)
            let instant = try first.firstInstant(inTimeZone: plan.cycle.timeZoneIdentifier)
            return try plan.cycle.period(containing: instant)
        }
    }
}
