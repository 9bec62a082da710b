# shellcheck shell=bash
# Writing kubeconfig files, shared by scripts/test-node.sh and scripts/demo.sh. Source it; it defines
# functions only.

# imps_kubeconfig CLUSTER SERVER CA_FILE USER CREDENTIALS -> on stdout, a kubeconfig with one cluster,
# one user and the one context joining them, current. CREDENTIALS is the user's entry as a YAML flow
# mapping, such as {token: "..."} or {client-certificate: "...", client-key: "..."}.
imps_kubeconfig() {
  cat <<KC
apiVersion: v1
kind: Config
clusters:
- name: $1
  cluster: {server: "$2", certificate-authority: "$3"}
users:
- name: $4
  user: $5
contexts:
- name: $1
  context: {cluster: $1, user: $4}
current-context: $1
KC
}
