"""Run a command; print its wall time and the peak resident memory of its
largest process (itself or any worker it started), as JSON.

Usage: python benchmarks/measure.py CMD [ARGS...]"""

import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_rss_mb": peak_kb / 1024, "exit": proc.returncode,
                  "stderr_tail": proc.stderr.strip().splitlines()[-1:] }))
