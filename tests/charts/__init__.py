"""The chart tests, one module per chart module.

A package, so that under pytest's default ("prepend") import mode these modules are
imported as ``charts.test_responses`` etc. and may share their names with the analysis
tests in tests/ (tests/test_responses.py, test_timing.py, test_meetings.py).
"""
