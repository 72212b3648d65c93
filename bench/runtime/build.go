package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/armgen/armgen/bench/internal/proc"
)

// An armgen is a built armgen command: the base's or this checkout's.
type armgen struct {
	name string // "base" or "new"
	bin  string
}

// buildArmgens builds armgen at base (from git archive, into work/base-src)
// and this checkout's.
func buildArmgens(work, base string) ([]armgen, error) {
	src := filepath.Join(work, "base-src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	archive := exec.Command("git", "archive", base)
	untar := exec.Command("tar", "-x", "-C", src)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return nil, err
	}
	untar.Stdin = pipe
	var stderr strings.Builder
	archive.Stderr = &stderr
	if err := untar.Start(); err != nil {
		return nil, err
	}
	if err := archive.Run(); err != nil {
		return nil, fmt.Errorf("git archive %s: %v\n%s", base, err, stderr.String())
	}
	if err := untar.Wait(); err != nil {
		return nil, fmt.Errorf("tar: %v", err)
	}
	out := []armgen{{"base", filepath.Join(work, "armgen-base")}, {"new", filepath.Join(work, "armgen-new")}}
	if err := command(src, "go", "build", "-o", out[0].bin, "./cmd/armgen"); err != nil {
		return nil, err
	}
	if err := command("", "go", "build", "-o", out[1].bin, "./cmd/armgen"); err != nil {
		return nil, err
	}
	return out, nil
}

// generate writes the package of spec into dir, named after dir.
func (a armgen) generate(spec, dir string) error {
	return command("", a.bin, "-spec", spec, "-out", dir, "-package", filepath.Base(dir))
}

// buildCost measures, for each spec, the package each armgen writes:
// go build of the package cold (its dependencies built), in turns, and
// the size of its compiled archive.
func buildCost(w io.Writer, work string, armgens []armgen, specs []string, builds int) error {
	fmt.Fprintf(w, "\n## Cold build of the package (median of %d, in turns) and its compiled size\n\n", builds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "spec\tarmgen\tGo lines\tgo build (median)\tmin\tCPU (median)\tarchive\t")
	for i, spec := range specs {
		mod := filepath.Join(work, fmt.Sprintf("build%d", i))
		if err := module(mod); err != nil {
			return err
		}
		type pkg struct {
			dir         string
			lines       int
			wall, cpu   []time.Duration
			archiveSize int64
		}
		pkgs := make([]*pkg, len(armgens))
		for j, a := range armgens {
			p := &pkg{dir: filepath.Join(mod, a.name, "pkg")}
			if err := a.generate(spec, p.dir); err != nil {
				return err
			}
			if err := command(mod, "go", "build", "./"+a.name+"/pkg"); err != nil {
				return err
			}
			p.lines = goLines(p.dir)
			pkgs[j] = p
		}
		for round := range builds {
			for j, p := range pkgs {
				nonce := fmt.Sprintf("package pkg\n\n// Build %d at %d makes this package new to the build cache.\n", round, time.Now().UnixNano())
				if err := os.WriteFile(filepath.Join(p.dir, "zz_nonce.go"), []byte(nonce), 0o644); err != nil {
					return err
				}
				res, err := proc.Run(mod, nil, "go", "build", "./"+armgens[j].name+"/pkg")
				if err != nil {
					return err
				}
				p.wall = append(p.wall, res.Wall)
				p.cpu = append(p.cpu, res.CPU)
			}
		}
		for j, p := range pkgs {
			os.Remove(filepath.Join(p.dir, "zz_nonce.go"))
			cmd := exec.Command("go", "list", "-export", "-f", "{{.Export}}", "./"+armgens[j].name+"/pkg")
			cmd.Dir = mod
			out, err := cmd.Output()
			if err != nil {
				return fmt.Errorf("go list -export: %v", err)
			}
			st, err := os.Stat(strings.TrimSpace(string(out)))
			if err != nil {
				return err
			}
			p.archiveSize = st.Size()
			minWall := p.wall[0]
			for _, d := range p.wall {
				minWall = min(minWall, d)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%.1f MB\t\n", filepath.Base(spec), armgens[j].name, p.lines,
				proc.Ms(proc.Median(p.wall)), proc.Ms(minWall), proc.Ms(proc.Median(p.cpu)), float64(p.archiveSize)/1e6)
		}
		base, now := pkgs[0], pkgs[len(pkgs)-1]
		fmt.Fprintf(tw, "%s\tnew/base\t%.2f×\t%.2f×\t\t%.2f×\t%.2f×\t\n", filepath.Base(spec), float64(now.lines)/float64(base.lines),
			float64(proc.Median(now.wall))/float64(proc.Median(base.wall)), float64(proc.Median(now.cpu))/float64(proc.Median(base.cpu)),
			float64(now.archiveSize)/float64(base.archiveSize))
	}
	return tw.Flush()
}

// goLines counts the lines of the Go files of dir.
func goLines(dir string) int {
	n := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			n += strings.Count(string(b), "\n")
		}
	}
	return n
}
