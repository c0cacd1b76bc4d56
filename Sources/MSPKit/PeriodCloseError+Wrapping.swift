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

    func billing<T>(_ context: @autoclosure () -> String, _ body: () throws(BillingError) -> T)
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .billing, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func sla<T>(_ context: @autoclosure () -> String, _ body: () throws(SLAError) -> T)
        throws(PeriodCloseError)
        -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .sla, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func inventory<T>(_ context: @autoclosure () -> String, _ body: () throws(InventoryError) -> T)
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .inventory, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func monitoring<T>(
        _ context: @autoclosure () -> String, _ body: () throws(MonitoringError) -> T
    )
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .monitoring, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func contracts<T>(_ context: @autoclosure () -> String, _ body: () throws(ContractError) -> T)
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .contracts, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func period<T>(_ context: @autoclosure () -> String, _ body: () throws(PeriodError) -> T)
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .core, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func calendar<T>(_ context: @autoclosure () -> String, _ body: () throws(CalendarError) -> T)
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .core, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }

    func money<T>(_ context: @autoclosure () -> String, _ body: () throws(MoneyError) -> T)
        throws(PeriodCloseError) -> T
    {
        do { return try body() } catch {
            throw .wrapping(
                .core, customer: customer, context: context(), field: error.field,
                value: error.value, message: error.message)
        }
    }
}
