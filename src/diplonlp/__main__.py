from diplonlp.cli import main
import sys

sys.exit(main())
