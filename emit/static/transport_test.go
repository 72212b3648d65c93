package static

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The default transport's bounds, with short ones: a service that never
// answers, a TLS handshake that never happens, and a server that only
// speaks TLS 1.1 each fail the request instead of hanging it or going
// ahead.

func TestTransportResponseHeaderTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := &http.Client{Transport: newTransport(time.Second, time.Second, 50*time.Millisecond)}
	resp, err := c.Get(srv.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatal("a server that never answers did not fail the request")
	}
	if !strings.Contains(err.Error(), "timeout awaiting response headers") {
		t.Errorf("err = %v", err)
	}
}

func TestTransportTLSHandshakeTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept() // and say nothing
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	c := &http.Client{Transport: newTransport(time.Second, 50*time.Millisecond, time.Second)}
	resp, err := c.Get("https://" + ln.Addr().String())
	if err == nil {
		resp.Body.Close()
		t.Fatal("a silent TLS server did not fail the request")
	}
	if !strings.Contains(err.Error(), "TLS handshake timeout") {
		t.Errorf("err = %v", err)
	}
}

func TestTransportRefusesTLS11(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.TLS = &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())

	tr := newTransport(time.Second, time.Second, time.Second)
	tr.TLSClientConfig.RootCAs = roots
	resp, err := (&http.Client{Transport: tr}).Get(srv.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatal("the transport spoke TLS 1.1")
	}
	// The same server with a transport that allows TLS 1.1: the server
	// does speak it, so it was the minimum that refused.
	old := newTransport(time.Second, time.Second, time.Second)
	old.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS10}
	resp, err = (&http.Client{Transport: old}).Get(srv.URL)
	if err != nil {
		t.Fatalf("a TLS 1.1 client could not reach the server either: %v", err)
	}
	resp.Body.Close()
}
