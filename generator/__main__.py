import sys

from generator.build.cli import main

sys.exit(main())
