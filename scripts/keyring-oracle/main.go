// Command keyring-oracle answers, for docker configs and image references, which credentials the
// kubelet would try when pulling each image with that config as the pod's only image pull secret.
// imps's tests use it as the reference for how a merged copy is read (scripts/keyring-oracle.sh
// builds it against k8s.io/kubernetes; see that script).
//
// It runs the kubelet's own code, in the kubelet's order (pkg/kubelet/images/image_manager.go):
// parsers.ParseImageName normalizes the image reference (so "nginx" becomes
// "docker.io/library/nginx"), secrets.MakeDockerKeyring reads the secret, Lookup lists the
// credentials. No node keyring and no credential provider plugin take part.
//
// Input on stdin: a JSON array of cases
//
//	[{"dockerConfigJson": "<the .dockerconfigjson value>",
//	  "images": ["nginx", "ghcr.io/a/b:1"],   // references, normalized as the kubelet does
//	  "lookups": ["imps-probe"]}]              // keyring lookups as given, not normalized
//
// Output on stdout: a JSON array with one result per case, in order
//
//	[{"error": "...",                          // only when the kubelet rejects the secret
//	  "images": [{"image": "nginx", "repository": "docker.io/library/nginx",
//	              "credentials": [{"username": "u", "password": "p"}]}],
//	  "lookups": [{"image": "imps-probe", "credentials": []}]}]
//
// Credentials are listed in the order the kubelet tries them. Entries of one config that share a
// key after the kubelet's normalization come in Go map order, which is random, so callers should
// compare them as sets. The program prints credentials it is given: run it on test data only.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	v1 "k8s.io/api/core/v1"
	"k8s.io/kubernetes/pkg/credentialprovider"
	"k8s.io/kubernetes/pkg/credentialprovider/secrets"
	"k8s.io/kubernetes/pkg/util/parsers"
)

type oracleCase struct {
	DockerConfigJSON string   `json:"dockerConfigJson"`
	Images           []string `json:"images"`
	Lookups          []string `json:"lookups"`
}

type credential struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type answer struct {
	Image       string       `json:"image"`
	Repository  string       `json:"repository,omitempty"`
	Error       string       `json:"error,omitempty"`
	Credentials []credential `json:"credentials"`
}

type result struct {
	Error   string   `json:"error,omitempty"`
	Images  []answer `json:"images"`
	Lookups []answer `json:"lookups"`
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail("reading stdin: %v", err)
	}
	var cases []oracleCase
	if err := json.Unmarshal(input, &cases); err != nil {
		fail("stdin is not a JSON array of cases: %v", err)
	}
	results := make([]result, 0, len(cases))
	for _, c := range cases {
		results = append(results, answerCase(c))
	}
	out := json.NewEncoder(os.Stdout)
	if err := out.Encode(results); err != nil {
		fail("writing stdout: %v", err)
	}
}

func answerCase(c oracleCase) result {
	secret := v1.Secret{
		Type: v1.SecretTypeDockerConfigJson,
		Data: map[string][]byte{v1.DockerConfigJsonKey: []byte(c.DockerConfigJSON)},
	}
	keyring, err := secrets.MakeDockerKeyring([]v1.Secret{secret}, credentialprovider.UnionDockerKeyring{})
	if err != nil {
		return result{Error: err.Error(), Images: []answer{}, Lookups: []answer{}}
	}
	r := result{Images: make([]answer, 0, len(c.Images)), Lookups: make([]answer, 0, len(c.Lookups))}
	for _, image := range c.Images {
		repository, _, _, err := parsers.ParseImageName(image)
		if err != nil {
			r.Images = append(r.Images, answer{Image: image, Error: err.Error(), Credentials: []credential{}})
			continue
		}
		r.Images = append(r.Images, answer{Image: image, Repository: repository, Credentials: lookup(keyring, repository)})
	}
	for _, image := range c.Lookups {
		r.Lookups = append(r.Lookups, answer{Image: image, Credentials: lookup(keyring, image)})
	}
	return r
}

func lookup(keyring credentialprovider.DockerKeyring, image string) []credential {
	found, _ := keyring.Lookup(image)
	creds := make([]credential, 0, len(found))
	for _, f := range found {
		creds = append(creds, credential{Username: f.Username, Password: f.Password})
	}
	return creds
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "keyring-oracle: "+format+"\n", args...)
	os.Exit(2)
}
