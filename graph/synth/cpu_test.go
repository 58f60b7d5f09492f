package synth

import (
	"syscall"
	"testing"
	"time"
)

// cpuClock reports, at the end of a benchmark, the CPU time the process
// spent per operation: on a shared machine the wall time (ns/op) counts the
// time other processes hold the cores, the CPU time does not. It includes
// the garbage collector's parallel work.
func cpuClock(b *testing.B) func() {
	start := cpuNow()
	return func() {
		b.ReportMetric(float64(cpuNow()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
