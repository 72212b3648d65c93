package static

import (
	"fmt"
	"net/http"
)

// errorText is what a ResponseError says, its Error: the request, the
// status, the service's code and message (the start of the body when it
// has neither), the request id, which Azure support asks for, and how
// many tries the client made when it retried.
func errorText(method, url string, status int, code, message, requestID string, body []byte, tries int) string {
	msg := fmt.Sprintf("%s %s: %d %s", method, url, status, http.StatusText(status))
	if code != "" {
		msg += ": " + code
	}
	if message != "" {
		msg += ": " + message
	}
	if code == "" && message == "" && len(body) > 0 {
		msg += ": " + truncate(string(body), 200)
	}
	if requestID != "" {
		msg += " (request id " + requestID + ")"
	}
	if tries > 1 {
		msg += fmt.Sprintf(" (after %d tries)", tries)
	}
	return msg
}
