"""Load citegraph exports with networkx and print what networkx sees.

Usage: /usr/bin/python3 nxload.py DIR

DIR holds graph.graphml, graph.gexf, graph.gml, graph.net and graph.json.
Prints one JSON object: for each format, whether the graph is directed,
its nodes as [id, attributes] and its edges as [source, target,
attributes], exactly as networkx read them. The Go test compares them
with the graph it exported. Exit status 3 when networkx is missing.
"""
import json
import os
import sys

try:
    import networkx as nx
    from networkx.readwrite import gexf as nxgexf
    from networkx.readwrite import json_graph
except ImportError as err:
    print("networkx: %s" % err, file=sys.stderr)
    sys.exit(3)

# networkx 2.8 (Debian's python3-networkx) only knows the GEXF 1.1draft and
# 1.2draft namespaces; 1.3 has the same elements under a new namespace.
# networkx 3.x has it built in.
if not any(v["NS_GEXF"] == "http://gexf.net/1.3" for v in nxgexf.GEXF.versions.values()):
    nxgexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }


def plain(v):
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    return v


def dump(g):
    if g.is_multigraph():
        edges = [[u, v, plain(d)] for u, v, _, d in g.edges(keys=True, data=True)]
    else:
        edges = [[u, v, plain(d)] for u, v, d in g.edges(data=True)]
    return {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "nodes": [[n, plain(d)] for n, d in g.nodes(data=True)],
        "edges": edges,
    }


def main():
    d = sys.argv[1]
    out = {"networkx": nx.__version__}
    out["graphml"] = dump(nx.read_graphml(os.path.join(d, "graph.graphml")))
    out["gexf"] = dump(nx.read_gexf(os.path.join(d, "graph.gexf")))
    out["gml"] = dump(nx.read_gml(os.path.join(d, "graph.gml")))
    out["pajek"] = dump(nx.read_pajek(os.path.join(d, "graph.net")))
    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        out["json"] = dump(json_graph.node_link_graph(json.load(f)))
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
