package graph

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract/corpus/corpustest"
)

func TestReadCatalog(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []CatalogEntry
		skipped          int
	}{
		{"tsv", "titles.tsv", "Symbol\tTitle\nA/RES/79/166\t79/166. Enhancement of things\nN/A\tnothing\n\nA/80/L.1\tA draft\n",
			[]CatalogEntry{{"A/RES/79/166", "79/166. Enhancement of things", ""}, {"A/80/L.1", "A draft", ""}}, 1},
		{"hrc csv", "hrc_resolutions.csv", "Session typ,Adopted text,Title,year\nregular,51/3,\"Youth, and human rights\",2022\nregular,2/1.,Old one,2006\nspecial,S-30/1,Special,2021\nregular,N/A,Withdrawn,2020\n",
			[]CatalogEntry{{"A/HRC/RES/51/3", "Youth, and human rights", "2022"}, {"A/HRC/RES/2/1", "Old one", "2006"}, {"A/HRC/RES/S-30/1", "Special", "2021"}}, 1},
		{"sc dates", "sc_resolutions.tsv", "symbol\tdate\ttopic\tmeeting\nS/RES/1(1946)\t25 January 1946\tThe question\tS/PV.2\n872 (1993)\t5 October 1993\tRwanda\t\n",
			[]CatalogEntry{{"S/RES/1(1946)", "The question", "1946-01-25"}, {"S/RES/872(1993)", "Rwanda", "1993-10-05"}}, 0},
		{"bom and crlf", "ga.csv", "\ufeffSYMBOL,Date\r\n79/1,2024-09-22\r\n",
			[]CatalogEntry{{"A/RES/79/1", "", "2024-09-22"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ReadCatalog(strings.NewReader(tt.text), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Entries) != len(tt.want) {
				t.Fatalf("entries = %q, want %q", c.Entries, tt.want)
			}
			for i := range tt.want {
				if c.Entries[i] != tt.want[i] {
					t.Errorf("entry %d = %q, want %q", i, c.Entries[i], tt.want[i])
				}
			}
			if c.Skipped != tt.skipped {
				t.Errorf("skipped = %d, want %d", c.Skipped, tt.skipped)
			}
		})
	}
}

func TestReadCatalogErrors(t *testing.T) {
	for text, want := range map[string]string{
		"":                      "is empty",
		"title\tdate\nx\ty\n":   "has no symbol column",
		"symbol,meeting\nx,y\n": "has no title or date column",
	} {
		_, err := ReadCatalog(strings.NewReader(text), "c.tsv")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "graph: catalogue c.tsv") {
			t.Errorf("ReadCatalog(%q) = %v, want %q", text, err, want)
		}
	}
}

// TestSharedCatalogs loads the three tables of ../shared/corpus/meta.
func TestSharedCatalogs(t *testing.T) {
	meta := filepath.Join(corpustest.Dir(t, ""), "meta")
	tests := []struct {
		file       string
		minEntries int
		symbol     string
		title      string
		date       string
	}{
		{"ga_titles.tsv", 1150, "A/RES/79/166", "Enhancement of international cooperation in the field of human rights", ""},
		{"hrc_resolutions_2006_2022.csv", 1350, "A/HRC/RES/51/17", "Youth and human rights", "2022"},
		{"sc_resolutions.tsv", 800, "S/RES/242(1967)", "", "1967-11-22"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c, err := LoadCatalog(filepath.Join(meta, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Entries) < tt.minEntries {
				t.Errorf("%d entries (%d skipped), want at least %d", len(c.Entries), c.Skipped, tt.minEntries)
			}
			found := false
			for _, e := range c.Entries {
				if e.Symbol != tt.symbol {
					continue
				}
				found = true
				if tt.title != "" && NormalizeTitle(e.Title) != NormalizeTitle(tt.title) {
					t.Errorf("%s title %q, want %q", e.Symbol, e.Title, tt.title)
				}
				if tt.date != "" && e.Date != tt.date {
					t.Errorf("%s date %q, want %q", e.Symbol, e.Date, tt.date)
				}
			}
			if !found {
				t.Errorf("%s not in the catalogue", tt.symbol)
			}
		})
	}
}

func TestLabelFrom(t *testing.T) {
	b := NewBuilder()
	for _, d := range seriesDocs() {
		b.Add(d)
	}
	c, err := ReadCatalog(strings.NewReader("symbol\ttitle\tdate\nA/RES/77/10\t77/10. Enhancement of cooperation in the field of things\t14 December 2022\nA/RES/1/1\tNot cited\t\nA/RES/79/10\tIgnored: the corpus has a title\t\n"), "ga.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if n := b.LabelFrom(c); n != 2 {
		t.Errorf("LabelFrom = %d, want 2", n)
	}
	g, _ := b.Graph()
	if n, _ := g.Node("A/RES/77/10"); n.Title == "" || n.Date != "2022-12-14" || n.Year != 2022 {
		t.Errorf("77/10 = %+v", n)
	}
	if n, _ := g.Node("A/RES/79/10"); strings.HasPrefix(n.Title, "Ignored") {
		t.Errorf("catalogue overwrote a corpus title: %q", n.Title)
	}
	if g.Index("A/RES/1/1") >= 0 {
		t.Error("catalogue added a node")
	}
	// With 77/10 titled, the series links it by title.
	links, _ := g.Series("A/RES/80/10")
	if last := links[len(links)-1]; g.NodeAt(last.Node).ID != "A/RES/77/10" || !last.ByTitle {
		t.Errorf("last link %v", last)
	}
}

func FuzzReadCatalog(f *testing.F) {
	f.Add("symbol\ttitle\nA/RES/1/1\tx\n", "ga.tsv")
	f.Add("Adopted text,Title,year\n51/3,\"a, b\",2022\n", "hrc.csv")
	f.Fuzz(func(t *testing.T, text, name string) {
		c, err := ReadCatalog(strings.NewReader(text), name)
		if err != nil {
			return
		}
		for _, e := range c.Entries {
			if e.Symbol == "" || strings.ContainsAny(e.Symbol, " \t\n") {
				t.Errorf("bad symbol %q", e.Symbol)
			}
		}
	})
}

func TestInstrumentsCatalogue(t *testing.T) {
	c := Instruments()
	byKey := map[string]CatalogEntry{}
	for _, e := range c.Entries {
		if _, dup := byKey[Key(e.Symbol)]; dup {
			t.Errorf("%s listed twice", e.Symbol)
		}
		byKey[Key(e.Symbol)] = e
	}
	for sym, want := range map[string]string{
		"UNTS/1/XVI":     "Charter of the United Nations",
		"A/RES/217(III)": "Universal Declaration of Human Rights",
		"A/CONF.157/23":  "Vienna Declaration and Programme of Action",
	} {
		if e := byKey[Key(sym)]; e.Title != want || e.Date == "" {
			t.Errorf("%s = %+v, want %q with a date", sym, e, want)
		}
	}
}
