"""Access reviews and the third parties an account shares data with."""
