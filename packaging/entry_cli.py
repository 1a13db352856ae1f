"""The command-line tool's entry point in the bundle (packaging/hierdesk.spec)."""

import sys

from hierdesk.cli import main

sys.exit(main())
