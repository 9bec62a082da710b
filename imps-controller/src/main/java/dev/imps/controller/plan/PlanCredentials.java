package dev.imps.controller.plan;

import dev.imps.credentials.CredentialProviders;
import dev.imps.credentials.docker.StaticCredentialProvider;
import java.util.Objects;

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
   * @param providers static docker configs and ECR, as the operator builds them
   * @param release closes what the providers hold (AWS clients), run by {@link #close()}
   * @return credentials that resolve ECR
   */
  public static PlanCredentials resolving(CredentialProviders providers, Runnable release) {
    return new PlanCredentials(
        Objects.requireNonNull(providers, "providers"),
        true,
        Objects.requireNonNull(release, "release"));
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
