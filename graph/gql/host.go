package gql

import (
	"net"
	"net/http"
	"strings"
)

// CheckHost guards a server listening on loopback against DNS rebinding: a
// web page whose name an attacker re-points at 127.0.0.1 reaches the server
// with its own name as Host. Only localhost, 127.0.0.1, ::1, the host of
// the listen address (addr, as asked and as bound) and the extra names are
// accepted as Host; any other gets 403. A server not on loopback is
// reachable by name on purpose and is returned unchecked.
func CheckHost(next http.Handler, bound, asked string, extra []string) http.Handler {
	if !loopback(bound) {
		return next
	}
	allowed := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	for _, a := range append([]string{bound, asked}, extra...) {
		allowed[strings.ToLower(hostOnly(a))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed[strings.ToLower(hostOnly(r.Host))] {
			httpErrorCode(w, http.StatusForbidden, CodeForbidden,
				"Host "+cut(r.Host)+" is not this server's name (serve --allowed-host adds names)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostOnly strips the port from HOST:PORT, and the brackets of [::1].
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return strings.Trim(hostport, "[]")
}

// loopback reports whether the listen address addr is on a loopback
// interface only.
func loopback(addr string) bool {
	h := hostOnly(addr)
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
