"""The desktop application's entry point in the bundle (packaging/hierdesk.spec)."""

import sys

from hierdesk.app import main

sys.exit(main())
