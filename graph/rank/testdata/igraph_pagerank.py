#!/usr/bin/python3
"""Times igraph's PageRank (prpack) for rank's benchmark.

Usage: igraph_pagerank.py EDGES OUT REPS

EDGES is the edge list of nxref.py (node count, then "u v" lines). Builds
the igraph Graph once, then times Graph.pagerank(damping=0.85,
implementation="prpack") REPS times. Prints one JSON object with the
fastest and median time in seconds; writes the PageRank values, one per
line in node order, to OUT so the benchmark can check both agree.
"""
import json
import sys
import time

import igraph


def main():
    path, out, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    g = igraph.Graph(n=n, edges=edges, directed=True)
    times = []
    pr = None
    for _ in range(reps):
        t0 = time.perf_counter()
        pr = g.pagerank(damping=0.85, directed=True, implementation="prpack")
        times.append(time.perf_counter() - t0)
    times.sort()
    with open(out, "w") as f:
        f.write("\n".join(repr(x) for x in pr))
    json.dump({"min": times[0], "median": times[len(times) // 2],
               "reps": reps, "igraph": igraph.__version__}, sys.stdout)


if __name__ == "__main__":
    main()
