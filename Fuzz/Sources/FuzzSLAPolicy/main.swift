import FuzzSupport

runFuzzer { data, size in fuzzSLAPolicy(data, size) }
