import FuzzSupport

runFuzzer { data, size in fuzzInventoryHistory(data, size) }
