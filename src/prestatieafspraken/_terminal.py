r"""Text fit for a terminal: control characters from a file are shown as visible escapes, never sent raw.

An agreement mailed in from elsewhere may hold ``ESC [ 2 J`` (clear the screen), ``ESC ] 8`` (a hidden link), a
carriage return that overwrites the start of a line, or an 8-bit control (``\x9b`` is CSI) in a title, a name,
a reason or a file name. Everything the command line prints passes `safe_text` once, at the place it writes (the
function that writes to standard output and standard error, and the report written with ``--output``), so no
command can forget it.

What changes: the C0 controls except tab and line feed become ``\xNN`` (a carriage return ``\r``), DEL and the
C1 controls become ``\u00NN``. The latter form is also a valid JSON escape of the same character, so a JSON
document stays the same document; YAML and JSON writers escape C0 controls themselves, so data printed by the
command line reads back unchanged.
"""

from __future__ import annotations

from typing import Final

__all__ = ["safe_text"]


def _escapes() -> dict[int, str]:
    table = {code: f"\\x{code:02x}" for code in range(0x20) if chr(code) not in "\t\n"}
    table[ord("\r")] = "\\r"
    table.update({code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0))})
    return table


_ESCAPES: Final = _escapes()


def safe_text(text: str) -> str:
    r"""*text* with every control character but tab and line feed written as a visible escape.

    >>> safe_text("Titel \x1b[31mrood\x1b[0m\r")
    'Titel \\x1b[31mrood\\x1b[0m\\r'
    """
    return text.translate(_ESCAPES)
