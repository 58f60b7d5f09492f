#!/usr/bin/python3
"""Reference centralities from networkx, for rank's comparison tests.

Usage: nxref.py EDGES [--no-betweenness | --betweenness-step=S] [--no-hits]

EDGES is a text file whose first line is the number of nodes n and whose
other lines are edges "u v" between nodes 0..n-1. Prints one JSON object
with arrays indexed by node: indegree, pagerank, and unless disabled hubs,
authorities (networkx hits) with the two largest singular values of the
adjacency matrix (singular), and betweenness (networkx
betweenness_centrality, normalised). pagerank and hits are run to a far
tighter tolerance than networkx's default, so that both sides are
converged and differences measure errors, not stopping rules.
"""
import json
import sys
import warnings

import networkx as nx


def top_singular_values(G, n):
    import numpy as np
    import scipy.sparse.linalg

    A = nx.to_scipy_sparse_array(G, nodelist=range(n), dtype=float)
    if n <= 1500:
        s = np.linalg.svd(A.toarray(), compute_uv=False)
    else:
        s = scipy.sparse.linalg.svds(A, k=2, tol=0, return_singular_vectors=False)
    s = sorted((float(x) for x in s), reverse=True)
    return (s + [0.0, 0.0])[:2]


def main():
    warnings.simplefilter("ignore")
    path = sys.argv[1]
    opts = set(sys.argv[2:])
    with open(path) as f:
        n = int(f.readline())
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        for line in f:
            if line.strip():
                u, v = line.split()
                G.add_edge(int(u), int(v))
    nodes = range(n)
    out = {"nodes": n, "edges": G.number_of_edges(),
           "networkx": nx.__version__}
    out["indegree"] = [G.in_degree(v) for v in nodes]
    pr = nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=100000)
    out["pagerank"] = [pr[v] for v in nodes]
    if "--no-hits" not in opts and G.number_of_edges() > 0:
        # hits uses scipy's svds; tol=0 asks ARPACK for machine precision.
        h, a = nx.hits(G, max_iter=100000, tol=0)
        out["hubs"] = [h[v] for v in nodes]
        out["authorities"] = [a[v] for v in nodes]
        # The two largest singular values of the adjacency matrix: when they
        # are equal, HITS scores are not unique and networkx's are one of
        # many answers.
        out["singular"] = top_singular_values(G, n)
    step = [o for o in opts if o.startswith("--betweenness-step=")]
    if step:
        # Betweenness from the sources 0, s, 2s, ... only, with networkx's
        # own single-source steps, normalised by (n-1)(n-2) and not
        # rescaled: exact for those sources, and fast on graphs too large
        # for all of them.
        from networkx.algorithms.centrality.betweenness import (
            _accumulate_basic, _single_source_shortest_path_basic)
        s = int(step[0].split("=")[1])
        b = dict.fromkeys(G, 0.0)
        for src in range(0, n, s):
            S, P, sigma, _ = _single_source_shortest_path_basic(G, src)
            b, _ = _accumulate_basic(b, S, P, sigma, src)
        scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1
        out["betweenness"] = [b[v] * scale for v in nodes]
    elif "--no-betweenness" not in opts:
        b = nx.betweenness_centrality(G, normalized=True)
        out["betweenness"] = [b[v] for v in nodes]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
