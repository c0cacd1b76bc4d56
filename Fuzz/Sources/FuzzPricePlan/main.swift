import FuzzSupport

runFuzzer { data, size in fuzzPricePlan(data, size) }
