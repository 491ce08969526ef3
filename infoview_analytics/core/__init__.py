"""The foundation every room stands on: the canonical format (schema), the canonical
frame, argument checks, the business-day calendar and the one name key.

``core`` imports nothing else of the package but ``errors``.
"""
