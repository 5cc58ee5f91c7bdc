import sys

from diplonlp.cli import main

sys.exit(main())
