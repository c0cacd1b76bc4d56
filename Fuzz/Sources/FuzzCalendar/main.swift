import FuzzSupport

runFuzzer { data, size in fuzzCalendar(data, size) }
