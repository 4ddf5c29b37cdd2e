"""Meterwise: a security-first meter for AI/API spend."""
