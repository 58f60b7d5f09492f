// Package cpuclock reports the CPU time benchmarks spend, for the
// benchmarks of the graph packages (graph, graph/synth): on a shared
// machine the wall time (ns/op) counts the time other processes hold the
// cores, the CPU time does not.
package cpuclock

import (
	"syscall"
	"testing"
	"time"
)

// Start returns a function that reports, at the end of a benchmark, the CPU
// time the process spent per operation since Start, as the metric
// cpu-ms/op. It includes the garbage collector's parallel work. Use it as
//
//	defer cpuclock.Start(b)()
func Start(b *testing.B) func() {
	start := now()
	return func() {
		b.ReportMetric(float64(now()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// now returns the user and system CPU time of the process so far, or 0
// when the system does not tell.
func now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
