package testserver

import "syscall"

// sysProcAttr puts the server in a process group of its own, so that a
// terminal's Ctrl-C reaches the driver, which stops the server itself, and
// has the kernel kill it should the driver die without stopping it (the
// driver locks its main goroutine to its thread, to which this is tied).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
