package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/citegraph/citegraph/extract/corpus"
)

// progress draws a bar on stderr while a corpus is read: files done, bytes,
// MB/s and the time left. A nil *progress draws nothing, so that commands
// write
//
//	pb := newProgress(e.stderr, e.stderrTTY && !quiet)
//	opts.Progress = pb.Update // nil when not shown
//	... pb.Clear() before printing a line to stderr ...
//	pb.Done()
type progress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer, show bool) *progress {
	if !show {
		return nil
	}
	return &progress{w: w}
}

// Update is a corpus.Options.Progress function; nil when p is nil.
func (p *progress) UpdateFunc() func(corpus.Progress) {
	if p == nil {
		return nil
	}
	return p.update
}

func (p *progress) update(s corpus.Progress) {
	if p.bar == nil {
		max := s.TotalBytes
		if max == 0 {
			max = -1 // standard input only: the size is unknown, show a spinner
		}
		p.bar = progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetWidth(24),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionUseANSICodes(true),
		)
	}
	if s.TotalBytes > 0 && s.Bytes > s.TotalBytes {
		p.bar.ChangeMax64(s.Bytes)
	}
	failed := ""
	if s.Failed > 0 {
		failed = fmt.Sprintf(", %d failed", s.Failed)
	}
	p.bar.Describe(fmt.Sprintf("%d/%d files%s", s.Files, s.TotalFiles, failed))
	p.bar.Set64(s.Bytes)
}

// Clear erases the bar so that a line can be printed; the next update
// draws it again.
func (p *progress) Clear() {
	if p != nil && p.bar != nil {
		p.bar.Clear()
	}
}

// Done erases the bar for good.
func (p *progress) Done() {
	if p != nil && p.bar != nil {
		p.bar.Clear()
		p.bar.Exit()
	}
}
