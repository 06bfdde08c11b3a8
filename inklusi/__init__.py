"""Inklusi: digital-skills gaps between Indonesia's regions, and MSME mentoring."""

__version__ = "0.1.0"
