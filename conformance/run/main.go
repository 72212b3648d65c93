// Command run is armgen's conformance run (make conformance): it installs
// the pinned AutoRest test server (npm ci), generates a client with armgen
// from each Swagger file in scope, read from the installed package, starts
// the server on 127.0.0.1, runs the conformance tests against it
// (go test -tags conformance ./conformance/tests), stops the server, and
// prints the coverage report. Run it from the repository root.
//
// The clients are generated into conformance/gen, a module of its own (not
// committed): go vet ./... and go test ./... in armgen's module never see
// them. The tests, in armgen's module, import them through a workspace
// (go.work) of the two modules, made for the run in a temporary directory.
//
// Without node it skips, saying so, unless CI=true, where it fails.
// The server is always stopped, by its pid: after the tests, on a failure,
// and on SIGINT, SIGTERM or SIGHUP.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/armgen/armgen/conformance/internal/coverage"
	"github.com/armgen/armgen/conformance/internal/testserver"
)

// Files are the test server's Swagger files armgen's clients are proven
// against, in report order.
var Files = []string{
	"body-array.json", "body-boolean.json", "body-byte.json", "body-complex.json", "body-date.json",
	"body-datetime.json", "body-datetime-rfc1123.json", "body-dictionary.json", "body-duration.json",
	"body-integer.json", "body-number.json", "body-string.json", "additionalProperties.json",
	"extensible-enums-swagger.json", "non-string-enum.json", "constants.json", "required-optional.json",
	"url.json", "url-multi-collectionFormat.json", "header.json", "validation.json",
	"xms-error-responses.json", "paging.json", "lro.json", "head.json", "azure-special-properties.json",
	"azure-resource.json", "subscriptionId-apiVersion.json", "model-flattening.json", "reserved-words.json",
	"httpInfrastructure.json", "custom-baseUrl-paging.json",
}

const (
	dir        = "conformance"
	genDir     = "conformance/gen"
	genModule  = "github.com/armgen/armgen/conformance/gen"
	testsPkg   = "./conformance/tests/"
	swaggerDir = "conformance/node_modules/@microsoft.azure/autorest.testserver/swagger"
)

func main() {
	// The server's parent-death signal is tied to this thread.
	runtime.LockOSThread()
	os.Exit(run())
}

func run() int {
	runFlag := flag.String("run", "", "run only the tests matching `regexp` (the coverage check is then not enforced)")
	keep := flag.Bool("keep", false, "keep the coverage directory")
	flag.Parse()

	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "conformance: FAIL: node is not installed, and CI=true requires the conformance run (install Node.js 18 or later)")
			return 1
		}
		fmt.Println("conformance: SKIP: node is not installed; the conformance tests against the AutoRest test server need Node.js 18 or later")
		return 0
	}
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		fmt.Fprintln(os.Stderr, "conformance: run me from the repository root:", err)
		return 1
	}
	if err := install(); err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}
	if err := generate(); err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}
	mapping, err := scenarios(node)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}

	covDir, err := os.MkdirTemp("", "armgen-conformance-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}
	if !*keep {
		defer os.RemoveAll(covDir)
	}

	// Signals are caught before the server starts: from then on every way
	// out stops it (Start stops it itself when cancelled while waiting).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	interrupted := make(chan struct{})
	go func() {
		if sig, ok := <-signals; ok {
			fmt.Fprintf(os.Stderr, "conformance: %v: stopping the test server\n", sig)
			close(interrupted)
			cancel()
		}
	}()
	work, err := workspace()
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}
	defer os.RemoveAll(filepath.Dir(work))

	root, _ := filepath.Abs(dir)
	srv, err := testserver.Start(ctx, testserver.Options{Node: node, Root: root, Dir: covDir})
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		select {
		case <-interrupted:
			return 130
		default:
			return 1
		}
	}
	defer srv.Stop()
	fmt.Printf("conformance: test server pid %d at %s, coverage in %s\n", srv.PID(), srv.URL, covDir)

	if err := loopbackOnly(srv.PID()); err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}

	results, testErr := goTest(ctx, srv, work, *runFlag)
	select {
	case <-interrupted:
		srv.Stop()
		return 130
	default:
	}
	exited := srv.Exited()
	if err := srv.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "conformance: stopping the test server:", err)
	}
	if exited {
		fmt.Fprintln(os.Stderr, "conformance: the test server died during the tests\n"+srv.LogTail(30))
		return 1
	}

	rep, err := report(covDir, mapping, results)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}
	if *runFlag != "" {
		rep.Problems = nil // a partial run cannot be complete
	}
	rep.Write(os.Stdout)
	if testErr != nil {
		fmt.Fprintln(os.Stderr, "conformance: FAIL:", testErr)
		return 1
	}
	if len(rep.Problems) > 0 {
		fmt.Fprintf(os.Stderr, "conformance: FAIL: %d coverage problems (above)\n", len(rep.Problems))
		return 1
	}
	return 0
}

// install runs npm ci when package-lock.json changed since the last install.
func install() error {
	lock, err := os.ReadFile(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(lock)
	stamp := filepath.Join(dir, "node_modules", ".armgen-installed")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == hex.EncodeToString(sum[:]) {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("npm is not installed: %w", err)
	}
	// No install scripts: the server needs none, and none should run here.
	cmd := exec.Command(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci: %w", err)
	}
	return os.WriteFile(stamp, []byte(hex.EncodeToString(sum[:])), 0o644)
}

// PackageName is the Go package generated from a Swagger file:
// "url-multi-collectionFormat.json" → urlmulticollectionformat.
func PackageName(file string) string {
	var b strings.Builder
	for _, r := range strings.TrimSuffix(file, ".json") {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		}
	}
	return b.String()
}

// generate builds armgen and runs it on every file in scope, as a user
// would, into conformance/gen (not committed), which it makes a module.
func generate() error {
	tmp, err := os.MkdirTemp("", "armgen-bin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "armgen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/armgen")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building armgen: %w", err)
	}
	if err := os.RemoveAll(genDir); err != nil {
		return err
	}
	version, err := goVersion()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(genDir, 0o755); err != nil {
		return err
	}
	mod := "// Clients generated by the conformance run (conformance/run); not committed.\n" +
		"module " + genModule + "\n\ngo " + version + "\n"
	if err := os.WriteFile(filepath.Join(genDir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	var failed []string
	for _, f := range Files {
		pkg := PackageName(f)
		cmd := exec.Command(bin, "-spec", filepath.Join(swaggerDir, f), "-out", filepath.Join(genDir, pkg), "-package", pkg)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			failed = append(failed, fmt.Sprintf("armgen -spec %s: %v\n%s", f, err, stderr.String()))
			continue
		}
		failed = append(failed, unformatted(filepath.Join(genDir, pkg))...)
	}
	if len(failed) > 0 {
		return errors.New("generating the clients failed:\n" + strings.Join(failed, "\n"))
	}
	return nil
}

// unformatted lists the Go files in dir that gofmt would change: most of
// what armgen writes is laid out by armgen itself, not by gofmt.
func unformatted(dir string) []string {
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []string
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			out = append(out, err.Error())
			continue
		}
		if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
			out = append(out, name+" is not gofmt-clean")
		}
	}
	return out
}

// goVersion is the go line of armgen's go.mod, which the generated module
// and the workspace take too.
func goVersion() (string, error) {
	data, err := os.ReadFile("go.mod")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", errors.New("go.mod has no go line")
}

// workspace writes a go.work, in a temporary directory, that uses armgen's
// module and the generated one, and returns its path.
func workspace() (string, error) {
	version, err := goVersion()
	if err != nil {
		return "", err
	}
	repo, err := filepath.Abs(".")
	if err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp("", "armgen-conformance-work-")
	if err != nil {
		return "", err
	}
	work := filepath.Join(tmp, "go.work")
	text := fmt.Sprintf("go %s\n\nuse (\n\t%q\n\t%q\n)\n", version, repo, filepath.Join(repo, genDir))
	if err := os.WriteFile(work, []byte(text), 0o644); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return work, nil
}

// scenarios runs scenarios.js on the installed package.
func scenarios(node string) (coverage.Mapping, error) {
	var m coverage.Mapping
	cmd := exec.Command(node, filepath.Join(dir, "scenarios.js"))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return m, fmt.Errorf("scenarios.js: %w", err)
	}
	if err := json.Unmarshal(out, &m); err != nil {
		return m, fmt.Errorf("scenarios.js: %w", err)
	}
	return m, nil
}

// loopbackOnly insists that every socket the server listens on is bound to
// loopback. (The test TestServerListensOnLoopbackOnly checks it too.)
func loopbackOnly(pid int) error {
	addrs, err := testserver.Listening(pid)
	if errors.Is(err, testserver.ErrUnsupported) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(addrs) == 0 {
		return fmt.Errorf("the test server (pid %d) listens on no socket /proc shows", pid)
	}
	for _, a := range addrs {
		if a.Addr() != netip.MustParseAddr("127.0.0.1") {
			return fmt.Errorf("the test server listens on %v, beyond loopback", a)
		}
	}
	return nil
}

// testEvent is one line of go test -json.
type testEvent struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// goTest runs the conformance tests against the server and returns each
// test's result by its last name element (the scenario). Output of failed
// tests and of the build is printed.
func goTest(ctx context.Context, srv *testserver.Server, work, runRE string) (map[string]bool, error) {
	args := []string{"test", "-tags", "conformance", "-count=1", "-json"}
	if runRE != "" {
		args = append(args, "-run", runRE)
	}
	args = append(args, testsPkg)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Env = append(os.Environ(),
		"GOWORK="+work,
		"ARMGEN_TESTSERVER_URL="+srv.URL,
		fmt.Sprintf("ARMGEN_TESTSERVER_PID=%d", srv.PID()))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	results := map[string]bool{}
	outputs := map[string][]string{}
	var failed []string
	passed, skipped := 0, 0
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var ev testEvent
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			fmt.Println(sc.Text()) // build errors come as plain text
			continue
		}
		switch ev.Action {
		case "build-output": // compiler errors, since Go 1.24
			fmt.Print(ev.Output)
		case "output":
			if ev.Test == "" {
				if !strings.HasPrefix(ev.Output, "ok ") && !strings.HasPrefix(ev.Output, "PASS") && !strings.HasPrefix(ev.Output, "FAIL\n") {
					fmt.Print(ev.Output)
				}
				continue
			}
			outputs[ev.Test] = append(outputs[ev.Test], ev.Output)
		case "pass", "fail", "skip":
			if ev.Test == "" {
				continue
			}
			name := ev.Test[strings.LastIndex(ev.Test, "/")+1:]
			switch ev.Action {
			case "pass":
				passed++
				if _, seen := results[name]; !seen {
					results[name] = true
				}
			case "fail":
				failed = append(failed, ev.Test)
				results[name] = false
				fmt.Print(strings.Join(outputs[ev.Test], ""))
			case "skip":
				skipped++
				fmt.Print(strings.Join(outputs[ev.Test], ""))
			}
			delete(outputs, ev.Test)
		}
	}
	_, _ = io.Copy(io.Discard, out)
	err = cmd.Wait()
	fmt.Printf("conformance: %d passed, %d failed, %d skipped\n", passed, len(failed), skipped)
	if err != nil {
		return results, fmt.Errorf("go test: %v (%d failed: %s)", err, len(failed), strings.Join(failed, ", "))
	}
	return results, nil
}

// report reads the server's reports and builds the coverage report.
func report(covDir string, m coverage.Mapping, results map[string]bool) (coverage.Report, error) {
	counts := map[string]map[string]int{}
	for _, c := range coverage.Categories {
		data, err := os.ReadFile(filepath.Join(covDir, "report-"+c+".json"))
		if err != nil {
			return coverage.Report{}, fmt.Errorf("the server wrote no %s report: %w", c, err)
		}
		var counted map[string]int
		if err := json.Unmarshal(data, &counted); err != nil {
			return coverage.Report{}, fmt.Errorf("report-%s.json: %w", c, err)
		}
		counts[c] = counted
	}
	var hits []coverage.Hit
	if f, err := os.Open(filepath.Join(covDir, testserver.HitsFile)); err == nil {
		hits, err = coverage.ReadHits(f)
		f.Close()
		if err != nil {
			return coverage.Report{}, err
		}
	}
	nc, err := os.Open(filepath.Join(dir, "not-covered.txt"))
	if err != nil {
		return coverage.Report{}, err
	}
	defer nc.Close()
	notCovered, err := coverage.ParseNotCovered(nc)
	if err != nil {
		return coverage.Report{}, fmt.Errorf("not-covered.txt: %w", err)
	}
	return coverage.Build(coverage.Input{
		Mapping: m, Counts: counts, Hits: hits, Tests: results, NotCovered: notCovered, Files: Files,
	}), nil
}
