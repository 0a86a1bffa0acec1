"""PA2xx, "Tot betekenisvolle afspraken komen": goals, reciprocity, leads, frameworks, politics, conditions."""

from __future__ import annotations
