import FuzzSupport

runFuzzer { data, size in fuzzMoneyText(data, size) }
