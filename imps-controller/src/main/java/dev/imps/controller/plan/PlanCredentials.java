package dev.imps.controller.plan;

import dev.imps.controller.runtime.Reconcilers;
import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.docker.StaticCredentialProvider;
import java.net.URI;

/**
 * The credential providers of one plan: the operator's own (static docker configs and real ECR)
 * with {@code --resolve}, or static docker configs and {@link UnresolvedEcrProvider} without, so
 * that a plain plan never calls AWS. Close it when the plan is done (it may hold AWS clients).
 */
public final class PlanCredentials implements AutoCloseable {

  private final CredentialProviders providers;
  private final boolean resolving;
  private final Runnable release;

  private PlanCredentials(CredentialProviders providers, boolean resolving, Runnable release) {
    this.providers = providers;
    this.resolving = resolving;
    this.release = release;
  }

  /**
   * Returns providers that never touch the network.
   *
   * @return static docker configs and unresolved ECR
   */
  public static PlanCredentials offline() {
    return new PlanCredentials(
        CredentialProviders.of(new StaticCredentialProvider(), new UnresolvedEcrProvider()),
        false,
        () -> {});
  }

  /**
   * Returns the operator's providers, which fetch ECR tokens from AWS.
   *
   * @param ecrEndpoint where ECR calls go, or {@code null} for the region's endpoint
   * @param stsEndpoint where STS calls go, or {@code null} for the region's endpoint
   * @return static docker configs and ECR
   */
  public static PlanCredentials resolving(URI ecrEndpoint, URI stsEndpoint) {
    Reconcilers reconcilers = Reconcilers.create(ecrEndpoint, stsEndpoint);
    return new PlanCredentials(reconcilers.providers(), true, reconcilers::close);
  }

  /**
   * Returns the providers.
   *
   * @return the providers, by secret type
   */
  public CredentialProviders providers() {
    return providers;
  }

  /**
   * Tells whether ECR tokens are fetched.
   *
   * @return {@code true} with {@code --resolve}
   */
  public boolean resolving() {
    return resolving;
  }

  /** Releases the AWS clients, if any. */
  @Override
  public void close() {
    release.run();
  }
}
