"""The presentation layer: the progress report, the findings of a check and a backward plan, written out.

`render_report` writes the progress report (findings, progress tables and charts) as Markdown or as one
self-contained HTML file; `render_findings` writes a check's findings as text, Markdown or JSON; `render_plan` and
`plan_data` write a backward plan. The analysis layers (the rules, planning) hold no presentation of their own.

With an audience, the report is that of `prestatieafspraken.views.view_for` (agreement, audience): it shows only
what the audience may see, says what it withholds and why, and gives the collective totals.
"""

from prestatieafspraken.report.findings import FindingsFormat, render_findings
from prestatieafspraken.report.plans import PlanFormat, plan_data, render_plan
from prestatieafspraken.report.render import ReportFormat, render_report

__all__ = [
    "FindingsFormat",
    "PlanFormat",
    "ReportFormat",
    "plan_data",
    "render_findings",
    "render_plan",
    "render_report",
]
