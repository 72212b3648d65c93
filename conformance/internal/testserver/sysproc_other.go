//go:build !linux

package testserver

import "syscall"

// sysProcAttr puts the server in a process group of its own, so that a
// terminal's Ctrl-C reaches the driver, which stops the server itself.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
