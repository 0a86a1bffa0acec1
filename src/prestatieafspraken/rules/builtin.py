"""The built-in rule catalogue: importing this module registers every rule of DESIGN §4.

One package per chapter of the handbook (its modules follow the chapter's sections), plus integrity and the
statutory cycle.
"""

from prestatieafspraken.rules import (  # noqa: F401 - imported for their registrations
    bids,
    integrity,
    meaningful,
    realisation,
    start,
    statutory,
)
