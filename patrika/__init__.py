"""Patrika (पत्रिका): a bilingual newsroom in a box."""
