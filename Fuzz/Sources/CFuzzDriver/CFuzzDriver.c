// LLVMFuzzerRunDriver, declared in include/CFuzzDriver.h, is defined by libFuzzer itself.
#include "CFuzzDriver.h"
