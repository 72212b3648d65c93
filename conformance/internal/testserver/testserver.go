// Package testserver starts and stops the AutoRest test server for armgen's
// conformance run: on 127.0.0.1 only (a preload rewrites the host of every
// listen call), on a port the system picks, with a coverage directory of
// its own.
package testserver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Server is a running test server.
type Server struct {
	// URL is http://127.0.0.1:PORT.
	URL  string
	Port int
	// Dir is the coverage directory: the reports, the hits file and the
	// server's log.
	Dir  string
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

// Options say where things are.
type Options struct {
	Node string // the node binary
	// Root is the directory holding package.json, node_modules and loopback.js.
	Root string
	// Dir is a fresh coverage directory.
	Dir string
	// Wait is how long the server may take to answer (default 60s).
	Wait time.Duration
}

// PortFile and HitsFile are the preload's outputs in the coverage directory.
const (
	PortFile = "port"
	HitsFile = "hits.jsonl"
	LogFile  = "server.log"
)

// Start starts the server and waits until it answers. On any error the
// process it started is stopped.
func Start(ctx context.Context, o Options) (*Server, error) {
	if o.Wait == 0 {
		o.Wait = 60 * time.Second
	}
	cli := filepath.Join(o.Root, "node_modules", "@microsoft.azure", "autorest.testserver", "dist", "cli", "cli.js")
	if _, err := os.Stat(cli); err != nil {
		return nil, fmt.Errorf("the test server is not installed (%v): run npm ci in %s", err, o.Root)
	}
	log, err := os.Create(filepath.Join(o.Dir, LogFile))
	if err != nil {
		return nil, err
	}
	defer log.Close()
	cmd := exec.Command(o.Node, "--require", filepath.Join(o.Root, "loopback.js"), cli,
		"run", "--port", "0", "--coverageDirectory", o.Dir)
	cmd.Dir = o.Dir
	cmd.Env = append(os.Environ(),
		"ARMGEN_TESTSERVER_PORT_FILE="+filepath.Join(o.Dir, PortFile),
		"ARMGEN_TESTSERVER_HITS_FILE="+filepath.Join(o.Dir, HitsFile),
		// The server reads AUTOREST_TESTSERVER_* as its options: only ours count.
		"AUTOREST_TESTSERVER_PORT=0", "AUTOREST_TESTSERVER_COVERAGE_DIRECTORY="+o.Dir)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the test server: %w", err)
	}
	s := &Server{Dir: o.Dir, cmd: cmd, done: make(chan struct{})}
	go func() {
		s.err = cmd.Wait()
		close(s.done)
	}()
	if err := s.wait(ctx, o.Wait); err != nil {
		s.Stop()
		return nil, fmt.Errorf("%w\n%s", err, s.LogTail(20))
	}
	return s, nil
}

// PID is the server's process id.
func (s *Server) PID() int { return s.cmd.Process.Pid }

func (s *Server) wait(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case <-s.done:
			return fmt.Errorf("the test server exited before answering: %v", s.err)
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the test server did not answer within %v", limit)
		}
		if s.Port == 0 {
			data, err := os.ReadFile(filepath.Join(s.Dir, PortFile))
			if err != nil {
				continue
			}
			port, err := strconv.Atoi(strings.TrimSpace(string(data)))
			if err != nil || port <= 0 {
				return fmt.Errorf("the preload wrote port %q", data)
			}
			s.Port = port
			s.URL = "http://127.0.0.1:" + strconv.Itoa(port)
		}
		// Any HTTP answer will do: the server is up.
		resp, err := client.Get(s.URL + "/")
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
}

// Stop ends the server it started, by its pid: SIGTERM, then SIGKILL when
// it has not exited after five seconds. It is safe to call more than once.
func (s *Server) Stop() error {
	select {
	case <-s.done:
		return nil
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	var exit *exec.ExitError
	if s.err != nil && !errors.As(s.err, &exit) {
		return s.err
	}
	return nil
}

// Exited reports whether the server process has ended.
func (s *Server) Exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// LogTail returns the last n lines of the server's log.
func (s *Server) LogTail(n int) string {
	data, _ := os.ReadFile(filepath.Join(s.Dir, LogFile))
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "server log (" + filepath.Join(s.Dir, LogFile) + "):\n" + strings.Join(lines, "\n")
}
