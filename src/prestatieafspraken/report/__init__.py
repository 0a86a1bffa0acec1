"""The presentation layer: the progress report, the findings of a check and a backward plan, written out.

`render_report` writes the progress report a steering group reads (a first page of traffic lights per theme and
party with the explanations red and orange need, the details per theme with a year-on-year table and a sparkline
per target, the findings) as Markdown or as one self-contained HTML file; `render_findings` writes a check's
findings as text, Markdown or JSON; `render_plan` and `plan_data` write a backward plan; `notebook` gives the
tables a notebook shows of an agreement, a check's report, a progress report and a view. The analysis layers (the
model, the rules, progress, planning, views) hold no presentation of their own.

With an audience, the report is that of `prestatieafspraken.views.view_for` (agreement, audience): it shows only
what the audience may see, says what it withholds and why, and gives the collective totals.
"""

from prestatieafspraken.report.content import FINDINGS_PER_RULE
from prestatieafspraken.report.findings import FindingsFormat, render_findings
from prestatieafspraken.report.plans import PlanFormat, plan_data, render_plan
from prestatieafspraken.report.render import ReportFormat, render_report

__all__ = [
    "FINDINGS_PER_RULE",
    "FindingsFormat",
    "PlanFormat",
    "ReportFormat",
    "plan_data",
    "render_findings",
    "render_plan",
    "render_report",
]
