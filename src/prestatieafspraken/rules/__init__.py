"""The checks: the rule engine and the built-in rule catalogue (PA001 and up, see docs/rules.md)."""

from prestatieafspraken.rules.config import CheckConfig, find_config, read_config
from prestatieafspraken.rules.context import RuleContext
from prestatieafspraken.rules.engine import check
from prestatieafspraken.rules.findings import Finding, Severity
from prestatieafspraken.rules.registry import REGISTRY, Registry, Rule, rule
from prestatieafspraken.rules.report import Report

__all__ = [
    "REGISTRY",
    "CheckConfig",
    "Finding",
    "Registry",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "check",
    "find_config",
    "read_config",
    "rule",
]
