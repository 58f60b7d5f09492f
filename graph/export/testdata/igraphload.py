"""Load citegraph exports with python-igraph and print what igraph sees.

Usage: /usr/bin/python3 igraphload.py DIR

DIR holds graph.graphml, graph.gml and graph.net. Prints one JSON object:
for each format, whether the graph is directed, its vertex and edge counts
and the vertex names (GraphML "id", GML and Pajek "label"). Exit status 3
when igraph is missing.
"""
import json
import os
import sys

try:
    import igraph
except ImportError as err:
    print("igraph: %s" % err, file=sys.stderr)
    sys.exit(3)


def dump(g, name_attr):
    names = g.vs[name_attr] if name_attr in g.vs.attributes() else []
    return {
        "directed": g.is_directed(),
        "vertices": g.vcount(),
        "edges": g.ecount(),
        "names": names,
        "vertex_attributes": sorted(g.vs.attributes()),
        "edge_attributes": sorted(g.es.attributes()),
        "titles": g.vs["title"] if "title" in g.vs.attributes() else [],
    }


d = sys.argv[1]
out = {"igraph": igraph.__version__}
out["graphml"] = dump(igraph.Graph.Read_GraphML(os.path.join(d, "graph.graphml")), "id")
out["gml"] = dump(igraph.Graph.Read_GML(os.path.join(d, "graph.gml")), "label")
out["pajek"] = dump(igraph.Graph.Read_Pajek(os.path.join(d, "graph.net")), "id")
json.dump(out, sys.stdout, ensure_ascii=False)
