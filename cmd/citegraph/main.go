// Command citegraph reads United Nations documents, extracts the references
// they make to other UN documents, and builds, queries and draws the
// citation graph.
//
// Data goes to stdout, diagnostics to stderr. Exit status: 0 on success, 1
// when the work failed, 2 for a usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	flag "github.com/spf13/pflag"
)

// command is one subcommand. Each file of this package registers its own
// commands in an init function, so that main stays thin.
type command struct {
	name    string
	summary string // one line for the command list
	// run executes the command. It returns a usageError for bad arguments.
	run func(env *env, args []string) error
}

// env is what a command may touch: its streams and whether stdout is a terminal.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdoutTTY      bool
	stderrTTY      bool
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("citegraph: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// usageError marks an error caused by how the command was called (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// parse parses a command's flags, with usage as the text that --help
// prints before the flags. help is true when --help was asked for; err is
// a usage error for flags that do not parse.
func (e *env) parse(fs *flag.FlagSet, usage string, args []string) (help bool, err error) {
	fs.Usage = func() {
		fmt.Fprint(e.stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return true, nil
		}
		return false, usagef("%v", err)
	}
	return false, nil
}

func main() {
	os.Exit(run(os.Args[1:], &env{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}))
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// run is main without the process: it returns the exit status.
func run(args []string, e *env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return status(c.run(e, []string{"--help"}), e, c.name)
			}
		}
		printUsage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "citegraph: unknown command %q\n\n", args[0])
		printUsage(e.stderr)
		return 2
	}
	return status(c.run(e, args[1:]), e, c.name)
}

func status(err error, e *env, name string) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "citegraph %s: %v\nRun 'citegraph %s --help' for usage.\n", name, err, name)
		return 2
	}
	if errors.Is(err, errSilent) {
		return 1
	}
	fmt.Fprintf(e.stderr, "citegraph %s: %v\n", name, err)
	return 1
}

// errSilent is returned by a command that has already reported its failure.
var errSilent = errors.New("failed")

func printUsage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(`citegraph reads United Nations documents, extracts the references they make
to other UN documents, and builds, queries and draws the citation graph.

Usage:
  citegraph <command> [flags] [arguments]

Commands:
`)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-12s %s\n", n, commands[n].summary)
	}
	b.WriteString(`
Run 'citegraph <command> --help' for the flags of one command.
With no corpus given, commands work on the embedded sample (General Assembly
resolution 79/166).
`)
	io.WriteString(w, b.String())
}
