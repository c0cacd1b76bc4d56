import FuzzSupport

runFuzzer { data, size in fuzzAgreement(data, size) }
