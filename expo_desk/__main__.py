"""``python -m expo_desk``: the same as the ``expo-desk`` command."""

import sys

from expo_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
