"""``python -m hierdesk``: the desktop application."""

import sys

from hierdesk.app import main

sys.exit(main())
