"""Woonstichting Lindeveen's own rules for prestatieafspraken: an example plugin package.

The rules are in `example_rules.rules`, which the entry point ``lindeveen`` of the group
``prestatieafspraken.rules`` names; importing this package alone registers nothing.
"""
