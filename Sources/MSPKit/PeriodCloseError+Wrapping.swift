import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

/// Runs module calls for one customer and turns their typed errors into
/// ``PeriodCloseError``s that name the customer and where in the document they happened.
struct ErrorContext {
    var customer: CustomerID?

    /// Runs `body`, turning its error into a ``PeriodCloseError`` with `code`, this
    /// context's customer, and `context` before the error's field and message.
    func wrap<T, Failure: MSPError>(
        _ code: PeriodCloseError.Code, _ context: @autoclosure () -> String,
        _ body: () throws(Failure) -> T
    ) throws(PeriodCloseError) -> T {
        do { return try body() } catch {
            throw .wrapping(
                code, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func billing<T>(_ context: @autoclosure () -> String, _ body: () throws(BillingError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.billing, context(), body) }

    func sla<T>(_ context: @autoclosure () -> String, _ body: () throws(SLAError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.sla, context(), body) }

    func inventory<T>(_ context: @autoclosure () -> String, _ body: () throws(InventoryError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.inventory, context(), body) }

    func monitoring<T>(
        _ context: @autoclosure () -> String, _ body: () throws(MonitoringError) -> T
    )
        throws(PeriodCloseError) -> T
    { try wrap(.monitoring, context(), body) }

    func contracts<T>(_ context: @autoclosure () -> String, _ body: () throws(ContractError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.contracts, context(), body) }

    func period<T>(_ context: @autoclosure () -> String, _ body: () throws(PeriodError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.core, context(), body) }

    func calendar<T>(_ context: @autoclosure () -> String, _ body: () throws(CalendarError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.core, context(), body) }

    func money<T>(_ context: @autoclosure () -> String, _ body: () throws(MoneyError) -> T)
        throws(PeriodCloseError) -> T
    { try wrap(.core, context(), body) }
}
