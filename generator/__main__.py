import os
import sys

from .cli import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:
    # The reader went away (`check | head`): the rest of the output has no one to read it.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 1
except KeyboardInterrupt:
    print("\nkeskeytetty", file=sys.stderr)
    code = 130
sys.exit(code)
