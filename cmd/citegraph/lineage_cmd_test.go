package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

func init() {
	// -update refreshes golden files; another test file may define it too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// runGraphCLI runs the command line with buffers.
func runGraphCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	return out.String(), errb.String(), code
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'go test ./cmd/citegraph -run %s -update' to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("output differs from %s (refresh with -update if the change is right):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func ref(target, relation, paragraph string) extract.Reference {
	return extract.Reference{Target: target, Kind: extract.KindResolution, Body: "GA", Relation: relation, Paragraph: paragraph, Start: 1, End: 9}
}

// lineageGraph writes a graph file of a small hand-made series and returns
// its path: 80/10 → 79/10 → 78/10 → 77/10 (cited only), all citing 70/1.
func lineageGraph(t *testing.T) string {
	t.Helper()
	const title = "Enhancement of cooperation in the field of things"
	docs := []*extract.Document{
		{File: "a/A_RES_80_10.txt", Symbol: "A/RES/80/10", Title: "80/10. " + title, Date: "2025-12-18", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "recalling", "PP2"), ref("A/RES/79/10", "recalling", "PP3"), ref("A/HRC/RES/59/3", "recalling", "PP3")}},
		{File: "a/A_RES_79_10.txt", Symbol: "A/RES/79/10", Title: "79/10. " + title, Date: "2024-12-17", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "recalling", "PP2"), ref("A/RES/78/10", "recalling", "PP3"), ref("A/RES/78/10", "reaffirming", "OP1")}},
		{File: "a/A_RES_78_10.txt", Symbol: "A/RES/78/10", Title: "78/10. " + title, Date: "2023-12-19", Body: "GA", References: []extract.Reference{
			ref("A/RES/70/1", "recalling", "PP2"), ref("A/RES/77/10", "recalling", "PP3")}},
	}
	return graphFile(t, "series.citegraph", docs)
}

// graphFile builds the graph of docs and saves it as name in a temporary
// directory, for the commands' --graph flag.
func graphFile(t *testing.T, name string, docs []*extract.Document) string {
	t.Helper()
	b := graph.NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := g.Save(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTraceCommand(t *testing.T) {
	gf := lineageGraph(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"trace", "--graph", gf, "A/RES/80/10"}, `A/RES/80/10  2025  Enhancement of cooperation in the field of things
  A/HRC/RES/59/3  2025  (cited, not in the corpus)  [recalling]
  A/RES/70/1  2015  (cited, not in the corpus)  [recalling]
  A/RES/79/10  2024  Enhancement of cooperation in the field of things  [recalling]
    A/RES/78/10  2023  Enhancement of cooperation in the field of things  [reaffirming, recalling]
      A/RES/77/10  2022  (cited, not in the corpus)  [recalling]
`},
		{[]string{"trace", "A/RES/80/10", "--graph", gf, "--depth", "1", "--relation", "recalling", "--format", "csv"}, `depth,symbol,year,date,in_corpus,parent,relations,count,paragraphs,title
0,A/RES/80/10,2025,2025-12-18,true,,,0,,80/10. Enhancement of cooperation in the field of things
1,A/HRC/RES/59/3,2025,,false,A/RES/80/10,recalling,1,PP3,
1,A/RES/70/1,2015,,false,A/RES/80/10,recalling,1,PP2,
1,A/RES/79/10,2024,2024-12-17,true,A/RES/80/10,recalling,1,PP3,79/10. Enhancement of cooperation in the field of things
`},
		{[]string{"trace", "--down", "--graph", gf, "a/res/70/1", "-f", "table"}, `DEPTH  SYMBOL       YEAR  RELATION   CITED BY    TITLE
0      A/RES/70/1   2015                         
1      A/RES/78/10  2023  recalling  A/RES/70/1  Enhancement of cooperation in the field of things
1      A/RES/79/10  2024  recalling  A/RES/70/1  Enhancement of cooperation in the field of things
1      A/RES/80/10  2025  recalling  A/RES/70/1  Enhancement of cooperation in the field of things
`},
		{[]string{"path", "--graph", gf, "A/RES/80/10", "A/RES/77/10"}, "A/RES/80/10 -> A/RES/79/10 -> A/RES/78/10 -> A/RES/77/10\n"},
		{[]string{"series", "--graph", gf, "A/RES/79/10"}, `A/RES/80/10  2025  Enhancement of cooperation in the field of things
A/RES/79/10  2024  Enhancement of cooperation in the field of things
A/RES/78/10  2023  Enhancement of cooperation in the field of things
A/RES/77/10  2022  (title not known: the cited predecessor)
`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:1], " "), func(t *testing.T) {
			out, errs, code := runGraphCLI(t, tt.args...)
			if code != 0 {
				t.Fatalf("%v: exit %d, stderr %s", tt.args, code, errs)
			}
			if out != tt.want {
				t.Errorf("%v:\ngot:\n%s\nwant:\n%s", tt.args, out, tt.want)
			}
		})
	}
}

func TestTraceJSON(t *testing.T) {
	gf := lineageGraph(t)
	out, errs, code := runGraphCLI(t, "trace", "--graph", gf, "A/RES/79/10", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var v struct {
		Root      string
		Direction string
		Steps     []struct {
			Depth     int
			Symbol    string
			Parent    string
			Relations []string
			InCorpus  bool `json:"in_corpus"`
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Root != "A/RES/79/10" || v.Direction != "up" || len(v.Steps) != 4 || v.Steps[2].Symbol != "A/RES/78/10" ||
		strings.Join(v.Steps[2].Relations, ",") != "reaffirming,recalling" || v.Steps[3].Parent != "A/RES/78/10" || v.Steps[3].InCorpus {
		t.Errorf("json: %+v", v)
	}
}

// TestCommandErrors checks exit codes and messages for bad input.
func TestCommandErrors(t *testing.T) {
	gf := lineageGraph(t)
	data, _ := os.ReadFile(gf)
	v3 := filepath.Join(t.TempDir(), "v3.citegraph")
	os.WriteFile(v3, append([]byte("citegraph\n\x03"), data[11:]...), 0o644)
	bad := filepath.Join(t.TempDir(), "bad.citegraph")
	flipped := bytes.Clone(data)
	flipped[len(flipped)-20] ^= 1
	os.WriteFile(bad, flipped, 0o644)
	_ = binary.MaxVarintLen64

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"trace", "--graph", gf, "A/RES/79/100"}, 1, "citegraph trace: graph: A/RES/79/100 is not in the graph; closest: A/RES/79/10, "},
		{[]string{"series", "--graph", gf, "A/RES/70/1"}, 1, "has no known title"},
		{[]string{"path", "--graph", gf, "A/RES/77/10", "A/RES/80/10"}, 1, "A/RES/77/10 does not rest on A/RES/80/10, but A/RES/80/10 rests on A/RES/77/10: try 'citegraph path A/RES/80/10 A/RES/77/10'"},
		{[]string{"trace", "--graph", v3, "A/RES/79/10"}, 1, "is a citegraph file of version 3; this citegraph reads version 1: rebuild it with 'citegraph build'"},
		{[]string{"trace", "--graph", bad, "A/RES/79/10"}, 1, "is corrupt (checksum mismatch): rebuild it with 'citegraph build'"},
		{[]string{"trace", "--graph", filepath.Join(t.TempDir(), "none"), "A/RES/79/10"}, 1, "no such file"},
		{[]string{"trace", "--up", "--down", "A/RES/79/10"}, 2, "give --up or --down, not both"},
		{[]string{"trace", "--format", "xml", "A/RES/79/10"}, 2, `unknown --format "xml"`},
		{[]string{"trace"}, 2, "give the symbol"},
		{[]string{"trace", "--graph", gf, "A/RES/79/10", "corpus/"}, 2, "give either --graph or corpus paths, not both"},
		{[]string{"path", "A/RES/79/10"}, 2, "give two symbols"},
		{[]string{"build"}, 2, "give the corpus"},
		{[]string{"build", filepath.Join(t.TempDir(), "empty"), "-o", filepath.Join(t.TempDir(), "x")}, 1, ""},
	}
	for _, tt := range tests {
		_, errs, code := runGraphCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
}

// TestBuildCommand builds a graph file from text files and queries it.
func TestBuildCommand(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"A_RES_80_10.txt": "United Nations\nA/RES/80/10\nGeneral Assembly\n\n80/10. Cooperation on things\n\nThe General Assembly,\n\nRecalling its resolution 79/10 of 17 December 2024,\n\n1. Decides to continue the consideration of the question.\n",
		"A_RES_79_10.txt": "United Nations\nA/RES/79/10\nGeneral Assembly\n\n79/10. Cooperation on things\n\nThe General Assembly,\n\nRecalling its resolution 78/10 of 19 December 2023,\n\n1. Decides to continue the consideration of the question.\n",
	}
	for name, text := range texts {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	gf := filepath.Join(t.TempDir(), "out.citegraph")
	_, errs, code := runGraphCLI(t, "build", dir, "-o", gf)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "2 files") || !strings.Contains(errs, "wrote "+gf) {
		t.Errorf("build summary: %q", errs)
	}
	out, errs, code := runGraphCLI(t, "trace", "--graph", gf, "A/RES/80/10")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, sym := range []string{"A/RES/79/10", "A/RES/78/10"} {
		if !strings.Contains(out, sym) {
			t.Errorf("trace from the built file lacks %s:\n%s", sym, out)
		}
	}
	// The same query straight from the paths gives the same answer.
	out2, errs, _ := runGraphCLI(t, "trace", "A/RES/80/10", dir)
	if out2 != out {
		t.Errorf("trace from paths:\n%s\nfrom --graph:\n%s%s", out2, out, errs)
	}
}

// TestTraceSampleGolden traces the embedded sample (refresh with -update
// when the extractor changes what it finds).
func TestTraceSampleGolden(t *testing.T) {
	for _, format := range []string{"tree", "table", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			out, errs, code := runGraphCLI(t, "trace", "A/RES/79/166", "--format", format)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.Contains(out, "A/RES/79/166") {
				t.Errorf("no root in output:\n%s", out)
			}
			golden(t, "trace_sample_"+format+".golden", out)
		})
	}
	out, _, _ := runGraphCLI(t, "trace", "--down", "A/RES/70/1", "--format", "tree")
	golden(t, "trace_sample_down.golden", out)
}

// TestTraceStdin builds the graph from standard input ("-").
func TestTraceStdin(t *testing.T) {
	text := "United Nations\nA/RES/80/10\nGeneral Assembly\n\n80/10. Cooperation on things\n\nThe General Assembly,\n\nRecalling its resolution 79/10 of 17 December 2024,\n"
	var out, errb bytes.Buffer
	code := run([]string{"trace", "A/RES/79/10", "--down", "-"}, &env{stdin: strings.NewReader(text), stdout: &out, stderr: &errb})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "A/RES/79/10") || !strings.Contains(lines[1], "A/RES/80/10") {
		t.Errorf("trace --down from stdin:\n%s", out.String())
	}
}

// TestCatalogFlag labels a loaded graph from a catalogue.
func TestCatalogFlag(t *testing.T) {
	gf := lineageGraph(t)
	cat := filepath.Join(t.TempDir(), "ga_titles.tsv")
	os.WriteFile(cat, []byte("symbol\ttitle\tdate\nA/RES/77/10\t77/10. Enhancement of cooperation in the field of things\t14 December 2022\nA/RES/70/1\tTransforming things\t25 September 2015\n"), 0o644)
	out, errs, code := runGraphCLI(t, "series", "--graph", gf, "--catalog", cat, "A/RES/80/10")
	if code != 0 {
		t.Fatal(errs)
	}
	if want := "A/RES/77/10  2022  Enhancement of cooperation in the field of things\n"; !strings.HasSuffix(out, want) {
		t.Errorf("series with a catalogue:\n%s\nwant last line %q", out, want)
	}
	out, _, _ = runGraphCLI(t, "trace", "--graph", gf, "--catalog", cat, "A/RES/80/10", "--depth", "1")
	if !strings.Contains(out, "A/RES/70/1  2015  Transforming things  [recalling]") {
		t.Errorf("trace with a catalogue:\n%s", out)
	}
	_, errs, code = runGraphCLI(t, "trace", "--graph", gf, "--catalog", filepath.Join(t.TempDir(), "none.tsv"), "A/RES/80/10")
	if code != 1 || !strings.Contains(errs, "graph: reading catalogue") {
		t.Errorf("missing catalogue: exit %d, %s", code, errs)
	}
}
