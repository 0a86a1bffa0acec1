"""The checks: the rule engine and the built-in rule catalogue (PA001 and up, see docs/rules.md)."""

from prestatieafspraken.rules.config import CheckConfig, discover_config, find_config, read_config
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.engine import check
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import REGISTRY, Registry, Rule, rule
from prestatieafspraken.rules.report import AppliedConfig, Report

__all__ = [
    "REGISTRY",
    "AppliedConfig",
    "CheckConfig",
    "Finding",
    "Registry",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "check",
    "discover_config",
    "find_config",
    "read_config",
    "rule",
]
