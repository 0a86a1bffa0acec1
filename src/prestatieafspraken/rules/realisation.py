"""PA3xx, "Sturing op realisatie": concrete execution, local tasks, realism, monitoring and adjusting."""

from __future__ import annotations
