package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/export"
)

func init() {
	register(&command{
		name:    "export",
		summary: "write the citation graph for Gephi, networkx, igraph, Cytoscape, Neo4j, Pajek, Graphviz",
		run:     runExport,
	})
}

const exportUsage = `Usage: citegraph export [flags] [PATH...]

Export writes the whole citation graph in the format of another graph tool.
Nodes are documents (symbol, title, date, year, issuing body, kind, whether
in the corpus, file); edges go from the citing document to the cited one
(relations, number of mentions, paragraphs, span of the first mention).
The output is the same bytes on every run; files are written atomically.

Formats (--format, or from the extension of -o):
  graphml  GraphML with typed keys: yEd, Cytoscape, igraph, networkx
           (nx.read_graphml)
  gexf     GEXF 1.3 for Gephi; nodes start in their year, so Gephi's
           timeline plays the graph year by year (networkx 3.x reads it;
           networkx 2.8 does not know the 1.3 namespace)
  gml      GML, ASCII, labels unique (nx.read_gml; igraph 0.10.2 leaves
           non-ASCII characters as &#NNN; references: use GraphML there)
  pajek    Pajek .net: vertices labelled by symbol, arcs weighted by the
           number of mentions (nx.read_pajek, igraph)
  json     node-link JSON: nx.node_link_graph(json.load(f)); edges are under
           "links", networkx's default up to 3.5 (a networkx whose default
           is "edges" needs node_link_graph(d, edges="links"))
  dot      Graphviz DOT of the whole graph (for a readable drawing of one
           lineage use 'citegraph render')
  csv      two tables, nodes.csv (id,title,date,year,body,kind,in_corpus,file)
           and edges.csv (source,target,relations,count,paragraphs,start,end)
  neo4j    the two CSV files of neo4j-admin import, with :ID, :LABEL
           (Document;Resolution...), :START_ID, :END_ID, :TYPE (CITES):
             neo4j-admin database import full --nodes=nodes.csv \
               --relationships=edges.csv neo4j

With no -o (or -o -) the export goes to standard output. csv and neo4j are
two files:
  -o DIR     (an existing directory, or a name ending in /, created if need
             be) writes DIR/nodes.csv and DIR/edges.csv
  -o PREFIX  writes PREFIX-nodes.csv and PREFIX-edges.csv (a .csv ending of
             PREFIX is dropped)
  --table nodes|edges writes just one of the two, to -o FILE or, without
             -o, to standard output (required for standard output).

Text is cleaned the same way in every format (invalid UTF-8 and control
characters other than tab and line breaks are removed) and escaped as each
format requires; non-ASCII text stays UTF-8 (GML, which is ASCII, uses
character references).

` + sourceHelp + `

Examples:
  citegraph export -o un.graphml ../shared/corpus/ga ../shared/corpus/sc
  citegraph export --graph un.citegraph -o un.gexf
  citegraph export --graph un.citegraph --format json | python3 -c 'import json,sys,networkx as nx; g = nx.node_link_graph(json.load(sys.stdin)); print(g)'
  citegraph export --graph un.citegraph --format neo4j -o import/
  citegraph export --graph un.citegraph --format csv --table edges > edges.csv

Flags:
`

func runExport(e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var src graphSource
	src.addFlags(fs)
	format := fs.StringP("format", "f", "", "output `FORMAT`: "+strings.Join(export.Names(), ", ")+" (default: from the -o extension)")
	output := fs.StringP("output", "o", "", "write to `FILE` (csv, neo4j: a DIR/ or a PREFIX) instead of standard output")
	table := fs.String("table", "", "csv, neo4j: write only the `TABLE` nodes or edges")
	if help, err := e.parse(fs, exportUsage, args); help || err != nil {
		return err
	}
	if *output == "-" {
		*output = "" // standard output
	}
	f, err := exportFormat(*format, *output)
	if err != nil {
		return err
	}
	// Settle where the output goes before the (possibly long) build.
	var files []exportFile
	switch {
	case f.Write != nil && *table != "":
		return usagef("--table is for the csv and neo4j formats; %s is a single file", f.Name)
	case f.Write != nil:
		if fi, err := os.Stat(*output); *output != "" && (err == nil && fi.IsDir() || strings.HasSuffix(*output, "/")) {
			return usagef("-o %s is a directory; %s is one file: give its name, e.g. -o %s", *output, f.Name, filepath.Join(*output, "un"+f.Ext))
		}
		files = []exportFile{{*output, f.Write}}
	case *table != "":
		t, ok := exportTable(f, *table)
		if !ok {
			return usagef("unknown --table %q: use nodes or edges", *table)
		}
		files = []exportFile{{*output, t.Write}}
	case *output == "":
		return usagef("%s writes two tables, nodes and edges: give -o DIR/ (or -o PREFIX) for both files, or --table nodes|edges to write one to standard output", f.Name)
	default:
		names, err := exportTableFiles(*output, f)
		if err != nil {
			return err
		}
		for i, t := range f.Tables {
			files = append(files, exportFile{names[i], t.Write})
		}
	}
	g, err := src.load(e, fs.Args())
	if err != nil {
		return err
	}
	for _, out := range files {
		if out.name == "" {
			if err := out.write(e.stdout, g); err != nil {
				return err
			}
			continue
		}
		if err := export.WriteFile(out.name, g, out.write); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "citegraph export: wrote %s (%d nodes, %d edges)\n", out.name, g.Len(), len(g.Edges()))
	}
	return nil
}

// exportFile is one output: a file name ("" for standard output) and its writer.
type exportFile struct {
	name  string
	write func(w io.Writer, g *graph.Graph) error
}

// exportFormat returns the format named by --format, or else by the
// extension of the output file.
func exportFormat(name, output string) (export.Format, error) {
	if name != "" {
		f, ok := export.Lookup(strings.ToLower(name))
		if !ok {
			return f, usagef("unknown --format %q: use one of %s", name, strings.Join(export.Names(), ", "))
		}
		return f, nil
	}
	if ext := strings.ToLower(filepath.Ext(output)); ext != "" {
		for _, f := range export.Formats {
			if f.Ext == ext {
				return f, nil
			}
		}
		if ext == ".xml" {
			f, _ := export.Lookup("graphml")
			return f, nil
		}
	}
	return export.Format{}, usagef("give --format (%s) or an -o file whose extension names one (.graphml, .gexf, .gml, .net, .json, .dot)", strings.Join(export.Names(), ", "))
}

func exportTable(f export.Format, name string) (export.Table, bool) {
	for _, t := range f.Tables {
		if t.Name == strings.ToLower(name) {
			return t, true
		}
	}
	return export.Table{}, false
}

// exportTableFiles names the files of a multi-table format: DIR/nodes.csv
// when output is a directory or ends with a separator (the directory is
// created), else PREFIX-nodes.csv.
func exportTableFiles(output string, f export.Format) ([]string, error) {
	fi, err := os.Stat(output)
	isDir := err == nil && fi.IsDir()
	if !isDir && (strings.HasSuffix(output, "/") || strings.HasSuffix(output, string(filepath.Separator))) {
		if err := os.MkdirAll(output, 0o755); err != nil {
			return nil, fmt.Errorf("creating the output directory: %w", err)
		}
		isDir = true
	}
	names := make([]string, len(f.Tables))
	for i, t := range f.Tables {
		if isDir {
			names[i] = filepath.Join(output, t.File)
		} else {
			names[i] = strings.TrimSuffix(output, ".csv") + "-" + t.File
		}
	}
	return names, nil
}
