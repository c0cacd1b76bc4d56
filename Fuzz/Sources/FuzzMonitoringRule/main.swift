import FuzzSupport

runFuzzer { data, size in fuzzMonitoringRule(data, size) }
