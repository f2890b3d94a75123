// The V8 flags the language server runs with, given on its command line by the extension (and by
// the tests and the benchmark, which start it as the extension does). Each keystroke in a large
// plan replaces its whole text (megabytes) with a new string, which only a full collection frees:
// the heap may grow by 30 % of what is live before one (V8's default lets it grow to several
// times), and the young generation is kept small, since most of what a parse allocates dies young.
// Set on the command line, not at run time: V8 sizes the young generation as it starts.
export const serverExecArgv = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
