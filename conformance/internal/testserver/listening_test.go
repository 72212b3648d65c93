package testserver

import (
	"net"
	"net/netip"
	"os"
	"runtime"
	"slices"
	"testing"
)

func TestParseProcAddr(t *testing.T) {
	for in, want := range map[string]string{
		"0100007F:1F90":                         "127.0.0.1:8080",
		"00000000:0050":                         "0.0.0.0:80",
		"00000000000000000000000001000000:0BB8": "[::1]:3000",
		"00000000000000000000000000000000:0BB8": "[::]:3000",
	} {
		got, err := parseProcAddr(in)
		if err != nil || got.String() != want {
			t.Errorf("parseProcAddr(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0100007F", "XYZ:0050", "0100007F:FFFFF"} {
		if _, err := parseProcAddr(bad); err == nil {
			t.Errorf("parseProcAddr(%q) succeeded", bad)
		}
	}
}

// TestListening checks the reader on this process's own sockets: one
// listener on loopback is found with its port, and a connected socket is
// not a listener.
func TestListening(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc, which only Linux has")
	}
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	conn, err := net.Dial("tcp4", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	got, err := Listening(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	want := netip.MustParseAddrPort(ln.Addr().String())
	if !slices.Contains(got, want) {
		t.Fatalf("Listening = %v, want it to contain %v", got, want)
	}
	local := netip.MustParseAddrPort(conn.LocalAddr().String())
	if slices.Contains(got, local) {
		t.Fatalf("Listening = %v lists the connected socket %v", got, local)
	}
}
