"""Validation: JSON Schema checks plus list-level rules, collected into one Report."""

from listkit.validate.engine import combine, resolve_rules, validate_list
from listkit.validate.report import Finding, Report

__all__ = ["Finding", "Report", "combine", "resolve_rules", "validate_list"]
