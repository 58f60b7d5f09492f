package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/export"
)

// exportTestGraph saves a small graph with a hostile title and returns it
// and the path of its graph file.
func exportTestGraph(t *testing.T) (*graph.Graph, string) {
	t.Helper()
	b := graph.NewBuilder()
	b.Add(&extract.Document{
		File: "a/A_RES_79_166.txt", Symbol: "A/RES/79/166", Date: "2024-12-17", Body: "GA",
		Title: "Enhancement of \"international\" cooperation, & <script>\nin human rights",
		References: []extract.Reference{
			{Target: "A/RES/78/199", Kind: extract.KindResolution, Body: "GA", Relation: "recalling", Paragraph: "PP2", Start: 10, End: 22},
			{Target: "A/RES/78/199", Kind: extract.KindResolution, Body: "GA", Relation: "reaffirming", Paragraph: "OP1", Start: 40, End: 52},
			{Target: "S/RES/1325(2000)", Kind: extract.KindResolution, Body: "SC", Relation: "recalling", Paragraph: "PP3", Start: 60, End: 75},
		},
	})
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "t.citegraph")
	if err := g.Save(p); err != nil {
		t.Fatal(err)
	}
	// Export what a loaded graph holds, as the command does.
	g, err = graph.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return g, p
}

func runExportCLI(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(append([]string{"export"}, args...), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	return out.String(), errb.String(), code
}

func TestExportStdout(t *testing.T) {
	g, gf := exportTestGraph(t)
	for _, f := range export.Formats {
		if f.Write == nil {
			continue
		}
		out, errs, code := runExportCLI("--graph", gf, "--format", f.Name)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f.Name, code, errs)
		}
		var want bytes.Buffer
		if err := f.Write(&want, g); err != nil {
			t.Fatal(err)
		}
		if out != want.String() {
			t.Errorf("%s: stdout differs from export.%s", f.Name, f.Name)
		}
		if errs != "" {
			t.Errorf("%s: stderr %q, want nothing when writing to stdout", f.Name, errs)
		}
	}
	out, _, code := runExportCLI("--graph", gf, "-f", "json", "-o", "-")
	var d struct {
		Directed bool
		Nodes    []map[string]any
		Links    []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || code != 0 {
		t.Fatalf("json export: exit %d, %v", code, err)
	}
	if !d.Directed || len(d.Nodes) != 3 || len(d.Links) != 2 {
		t.Errorf("json export: directed %v, %d nodes, %d links; want true, 3, 2", d.Directed, len(d.Nodes), len(d.Links))
	}
}

func TestExportFiles(t *testing.T) {
	g, gf := exportTestGraph(t)
	dir := t.TempDir()

	// The format from the -o extension.
	name := filepath.Join(dir, "un.gexf")
	_, errs, code := runExportCLI("--graph", gf, "-o", name)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var want bytes.Buffer
	export.GEXF(&want, g)
	if got, _ := os.ReadFile(name); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("%s is not the GEXF export", name)
	}
	if !strings.Contains(errs, "wrote "+name+" (3 nodes, 2 edges)") {
		t.Errorf("stderr %q does not say what was written", errs)
	}

	// neo4j into a directory named with a trailing slash, created.
	neo := filepath.Join(dir, "import") + "/"
	if _, errs, code := runExportCLI("--graph", gf, "--format", "neo4j", "-o", neo); code != 0 {
		t.Fatalf("neo4j: exit %d: %s", code, errs)
	}
	headers := map[string]string{
		"nodes.csv": "id:ID,title,date,year:int,body,kind,in_corpus:boolean,file,:LABEL",
		"edges.csv": ":START_ID,:END_ID,:TYPE,relations:string[],count:int,paragraphs:string[],start:int,end:int",
	}
	for file, header := range headers {
		f, err := os.Open(filepath.Join(neo, file))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if strings.Join(recs[0], ",") != header {
			t.Errorf("%s header %q, want %q", file, strings.Join(recs[0], ","), header)
		}
		if file == "edges.csv" && (len(recs) != 3 || recs[1][3] != "reaffirming;recalling") {
			t.Errorf("edges.csv: %q, want 2 relationships, the first with relations reaffirming;recalling", recs)
		}
	}

	// csv with a prefix (its .csv ending dropped).
	if _, errs, code := runExportCLI("--graph", gf, "--format", "csv", "-o", filepath.Join(dir, "un.csv")); code != 0 {
		t.Fatalf("csv: exit %d: %s", code, errs)
	}
	for _, f := range []string{"un-nodes.csv", "un-edges.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("csv -o un.csv: %v", err)
		}
	}

	// One table to stdout.
	out, errs, code := runExportCLI("--graph", gf, "--format", "csv", "--table", "edges")
	if code != 0 || !strings.HasPrefix(out, "source,target,relations,count,paragraphs,start,end\nA/RES/79/166,A/RES/78/199,reaffirming;recalling,2,PP2;OP1,10,22\n") {
		t.Errorf("csv --table edges: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestExportDeterministic(t *testing.T) {
	_, gf := exportTestGraph(t)
	for _, f := range []string{"graphml", "gexf", "gml", "pajek", "json", "dot"} {
		a, _, _ := runExportCLI("--graph", gf, "-f", f)
		b, _, _ := runExportCLI("--graph", gf, "-f", f)
		if a != b || a == "" {
			t.Errorf("%s: two runs differ (or are empty)", f)
		}
	}
}

func TestExportUsage(t *testing.T) {
	_, gf := exportTestGraph(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--graph", gf}, "give --format"},
		{[]string{"--graph", gf, "-o", "x.txt"}, "give --format"},
		{[]string{"--graph", gf, "-f", "xlsx"}, `unknown --format "xlsx"`},
		{[]string{"--graph", gf, "-f", "csv"}, "give -o DIR/"},
		{[]string{"--graph", gf, "-f", "neo4j", "--table", "rels"}, `unknown --table "rels"`},
		{[]string{"--graph", gf, "-f", "graphml", "--table", "nodes"}, "--table is for the csv and neo4j formats"},
		{[]string{"--graph", gf, "-f", "json", "corpus/"}, "either --graph or corpus paths"},
		{[]string{"--graph", gf, "-f", "gexf", "-o", t.TempDir()}, "is a directory; gexf is one file"},
	} {
		out, errs, code := runExportCLI(tc.args...)
		if code != 2 || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("export %q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, out, errs, tc.want)
		}
	}
	_, errs, code := runExportCLI("--help")
	if code != 0 || !strings.Contains(errs, "neo4j-admin database import full") || !strings.Contains(errs, "--table") {
		t.Errorf("--help: exit %d, %q", code, errs)
	}
	_, errs, code = runExportCLI("--graph", filepath.Join(t.TempDir(), "missing.citegraph"), "-f", "json")
	if code != 1 || errs == "" {
		t.Errorf("missing graph file: exit %d, stderr %q; want 1 and a message", code, errs)
	}
}
