"""Painting the wheel with Qt on any QPainter: screen, PNG, PDF, SVG and printer."""
