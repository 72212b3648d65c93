//go:build conformance

package tests

import (
	"net"
	"net/netip"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"testing"

	"github.com/armgen/armgen/conformance/internal/testserver"
)

// The test server binds every interface unless told otherwise; the
// conformance run's preload must keep it on loopback. /proc says which
// sockets the server process listens on, without sending anything to any
// other address.
func TestServerListensOnLoopbackOnly(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the server's sockets from /proc, which only Linux has")
	}
	pid, err := strconv.Atoi(os.Getenv("ARMGEN_TESTSERVER_PID"))
	if err != nil {
		t.Fatalf("ARMGEN_TESTSERVER_PID: %v", err)
	}
	addrs, err := testserver.Listening(pid)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	want := netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(port))
	if len(addrs) != 1 || addrs[0] != want {
		t.Fatalf("the server listens on %v, want only %v", addrs, want)
	}
	// And it is the server that answers there.
	conn, err := net.Dial("tcp", want.String())
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}
