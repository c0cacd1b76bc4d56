import FuzzSupport

runFuzzer { data, size in fuzzCoreJSON(data, size) }
