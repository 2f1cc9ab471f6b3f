"""The wheel and the calendars people live in: .ics out (:mod:`.export`) and in
(:mod:`.importing`), and a shared CalDAV calendar kept in step (:mod:`.publish`).

How activities map to events is in ``docs/calendars.md``. No Qt.
"""
