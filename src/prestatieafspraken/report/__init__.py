"""The progress report (presentation layer): findings, progress tables and charts, as Markdown or HTML.

The HTML is one self-contained file.

With an audience, the report is that of `prestatieafspraken.views.view_for` (agreement, audience): it shows only
what the audience may see, says what it withholds and why, and gives the collective totals.
"""

from prestatieafspraken.report.render import ReportFormat, render_report

__all__ = ["ReportFormat", "render_report"]
