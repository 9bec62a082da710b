package dev.imps.envtest;

/**
 * Thrown when etcd, kube-apiserver or kubectl cannot be found; the message says where it looked and
 * how to provide them.
 */
public final class KubeBinariesNotFoundException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The advice every message ends with. */
  static final String HOW_TO_PROVIDE =
      "run scripts/k8s-binaries.sh (builds them with Go into ${XDG_CACHE_HOME:-$HOME/.cache}/imps/k8s/)"
          + " or set "
          + KubeBinaries.ASSETS_VARIABLE
          + " to a folder holding etcd, kube-apiserver and kubectl";

  /**
   * Creates the exception.
   *
   * @param message where it looked and how to provide the binaries
   */
  public KubeBinariesNotFoundException(String message) {
    super(message);
  }
}
