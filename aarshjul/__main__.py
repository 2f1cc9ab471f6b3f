"""Run Årshjul with ``python -m aarshjul``."""

from aarshjul.cli import main

raise SystemExit(main())
