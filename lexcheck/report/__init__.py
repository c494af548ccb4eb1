"""lexcheck.report: the last stage, every output format written from one baselined `Report`.

report = Report(findings, statutes, graph=framework.graph, profile="un-core")
html_text = render(report, "html")
write(report, "sarif", Path("reports/lexcheck.sarif"), overwrite=force)
"""

from lexcheck.report.model import ElementInfo, Report, elements_from_catalogue
from lexcheck.report.output import FORMATS, render, write, written_by_lexcheck

__all__ = [
    "FORMATS",
    "ElementInfo",
    "Report",
    "elements_from_catalogue",
    "render",
    "write",
    "written_by_lexcheck",
]
