print("msp-close")
