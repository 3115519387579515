package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"newsgraph/graph/metrics"
)

// sideListeners are serve's optional listeners beside the API: /metrics on
// an address of its own, and pprof, which exposes the process's internals
// and so is never mounted on the main listener.
type sideListeners struct{ servers []*http.Server }

func startSideListeners(metricsAddr, debugAddr string, m *metrics.Metrics, log *slog.Logger) (*sideListeners, error) {
	s := &sideListeners{}
	if metricsAddr != "" {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", m.Handler())
		if err := s.start("metrics", metricsAddr, mux, log); err != nil {
			return nil, err
		}
	}
	if debugAddr != "" {
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		if err := s.start("debug", debugAddr, mux, log); err != nil {
			s.close()
			return nil, err
		}
	}
	return s, nil
}

func (s *sideListeners) start(name, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	s.servers = append(s.servers, srv)
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			log.Error(name+" listener stopped", "err", err)
		}
	}()
	log.Info(name+" listener", "url", "http://"+ln.Addr().String())
	return nil
}

func (s *sideListeners) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, srv := range s.servers {
		srv.Shutdown(ctx)
	}
}
