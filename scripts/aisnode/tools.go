//go:build tools

// Package tools pins the AIStore v1.5.0 (AIS 5.0) commands this project builds from the Go module
// proxy for its tests and benchmarks. `go install github.com/NVIDIA/aistore/cmd/aisnode@v1.5.0`
// fails here because the proxy refuses the module's version list (403 on @v/list), which
// `go install pkg@version` reads for its deprecation check; building inside this pinned module
// fetches exactly the same v1.5.0 module zip (checksummed by go.sum) without that list.
package tools

import (
	_ "github.com/NVIDIA/aistore/cmd/aisloader"
	_ "github.com/NVIDIA/aistore/cmd/aisnode"
)
