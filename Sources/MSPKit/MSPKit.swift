@_exported import MSPBilling
@_exported import MSPContracts
@_exported import MSPCore
@_exported import MSPInventory
@_exported import MSPMonitoring
@_exported import MSPSLA
