package dev.imps.envtest;

import dev.imps.api.CrdResource;
import dev.imps.testsupport.process.LoggedProcess;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real etcd and kube-apiserver running as child processes on free 127.0.0.1 ports, for
 * integration tests.
 *
 * <p>{@link #start()} generates what the API server needs (an admin token in a static token file, a
 * service-account signing key; the API server generates its own serving certificate), starts etcd
 * and kube-apiserver with RBAC authorization, and returns once {@code /readyz} answers 200. {@link
 * #close()} stops both and deletes the data folder; a shutdown hook does the same if the JVM exits
 * first, and the processes also die if the JVM is killed (see {@code ChildProcess}).
 *
 * <p>Clients: {@link #adminClient()} is in {@code system:masters}; {@link
 * #clientForClusterRole(String)} and {@link #clientForServiceAccount(String, String)} authenticate
 * as a ServiceAccount with a real token, so RBAC is enforced by the API server itself. All clients
 * have read timeout 0, which client-java's informers require. No client is ever installed as
 * client-java's global default.
 *
 * <p>There is no controller-manager: namespaces are never finalised after deletion, service
 * accounts get no token secrets, and no pod is scheduled. Tests isolate by unique namespaces
 * ({@link #createNamespace(String)}).
 *
 * <p>Thread-safe: methods that start or stop processes are synchronized; clients may be used from
 * any thread.
 */
public final class KubeControlPlane implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KubeControlPlane.class.getName());

  /** How long etcd or kube-apiserver may take to become ready; generous for a busy 2-core box. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** How long a graceful stop may take before SIGKILL. */
  static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** How long each binary may take to stop when the JVM exits without {@link #close()}. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  /** How long a CRD may take to be Established and served. */
  static final Duration CRD_TIMEOUT = Duration.ofSeconds(60);

  private static final int LOG_TAIL_LINES = 40;

  private final KubeBinaries binaries;
  private final ControlPlaneFiles files;
  private final String adminToken;
  private final EtcdCommand etcdCommand;
  private final ApiServerCommand apiServerCommand;
  private final Thread shutdownHook;
  private final ServiceAccountClients serviceAccountClients;
  // volatile: the shutdown hook reads them without the lock a test thread may hold
  private volatile LoggedProcess etcd;
  private volatile LoggedProcess apiServer;
  private byte[] certificateAuthority;
  private Kubectl kubectl;
  private Duration startupTime = Duration.ZERO;
  private volatile boolean closed;

  private KubeControlPlane(KubeBinaries binaries) {
    this(binaries, List.of());
  }

  private KubeControlPlane(KubeBinaries binaries, List<String> extraApiServerFlags) {
    this.binaries = binaries;
    this.adminToken = ControlPlaneFiles.newToken();
    this.files = ControlPlaneFiles.create(adminToken);
    this.etcdCommand =
        new EtcdCommand(LoopbackPorts.free(), LoopbackPorts.free(), files.etcdData());
    this.apiServerCommand =
        new ApiServerCommand(
            LoopbackPorts.free(),
            etcdCommand.clientUrl(),
            files.certDirectory(),
            files.tokenFile(),
            files.serviceAccountKey(),
            extraApiServerFlags);
    this.shutdownHook = new Thread(this::stopOnShutdown, "imps-envtest-shutdown");
    this.serviceAccountClients = new ServiceAccountClients(this);
  }

  /**
   * Starts a control plane from the binaries {@link KubeBinaries#locate()} finds.
   *
   * @return the running control plane
   * @throws KubeBinariesNotFoundException if the binaries are missing; the message says how to
   *     provide them
   * @throws IllegalStateException if etcd or kube-apiserver fail to start; the message quotes the
   *     end of their log
   */
  public static KubeControlPlane start() {
    return start(KubeBinaries.locate());
  }

  /**
   * Starts a control plane from the given binaries.
   *
   * @param binaries the etcd, kube-apiserver and kubectl to run
   * @return the running control plane
   * @throws IllegalStateException if etcd or kube-apiserver fail to start; the message quotes the
   *     end of their log
   */
  public static KubeControlPlane start(KubeBinaries binaries) {
    return start(binaries, List.of());
  }

  /**
   * Starts a control plane from the located binaries whose kube-apiserver gets more flags, e.g.
   * {@code --max-mutating-requests-inflight=3} and {@code --enable-priority-and-fairness=false} to
   * test behaviour under overload.
   *
   * @param extraApiServerFlags flags added after the standard ones (a later flag wins)
   * @return the running control plane
   * @throws KubeBinariesNotFoundException if the binaries are missing
   * @throws IllegalStateException if etcd or kube-apiserver fail to start
   */
  public static KubeControlPlane start(List<String> extraApiServerFlags) {
    return start(KubeBinaries.locate(), extraApiServerFlags);
  }

  /**
   * Starts a control plane from the given binaries whose kube-apiserver gets more flags.
   *
   * @param binaries the etcd, kube-apiserver and kubectl to run
   * @param extraApiServerFlags flags added after the standard ones (a later flag wins)
   * @return the running control plane
   * @throws IllegalStateException if etcd or kube-apiserver fail to start
   */
  public static KubeControlPlane start(KubeBinaries binaries, List<String> extraApiServerFlags) {
    Objects.requireNonNull(binaries, "binaries");
    Objects.requireNonNull(extraApiServerFlags, "extraApiServerFlags");
    int abandoned =
        ControlPlaneFiles.deleteAbandoned(Path.of(System.getProperty("java.io.tmpdir")));
    if (abandoned > 0) {
      LOG.log(System.Logger.Level.INFO, "deleted {0} data folders of killed test JVMs", abandoned);
    }
    KubeControlPlane plane = new KubeControlPlane(binaries, extraApiServerFlags);
    Runtime.getRuntime().addShutdownHook(plane.shutdownHook);
    try {
      plane.startProcesses();
      return plane;
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  private synchronized void startProcesses() {
    long begin = System.nanoTime();
    startEtcd();
    long etcdReady = System.nanoTime();
    startApiServer();
    kubectl = new Kubectl(binaries.kubectl(), files.kubeconfig(), files.kubectlCache());
    startupTime = Duration.ofNanos(System.nanoTime() - begin);
    LOG.log(
        System.Logger.Level.INFO,
        "kube control plane ready at {0} in {1} ms (etcd {2} ms, kube-apiserver {3} ms), binaries {4}",
        apiServerCommand.serverUrl(),
        startupTime.toMillis(),
        Duration.ofNanos(etcdReady - begin).toMillis(),
        Duration.ofNanos(System.nanoTime() - etcdReady).toMillis(),
        binaries.directory());
  }

  private void startEtcd() {
    etcd = ChildProcess.start("etcd", etcdCommand.command(binaries.etcd()), files.log("etcd"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(etcdCommand.clientUrl().resolve("/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    awaitReady(
        etcd,
        "etcd at " + etcdCommand.clientUrl() + " to be healthy",
        Duration.ofMillis(50),
        () -> {
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          return response.statusCode() == 200 && response.body().contains("\"health\":\"true\"");
        });
  }

  /**
   * Starts kube-apiserver again after {@link #stopApiServer()}, on the same port, etcd and serving
   * certificate, and waits until it is ready. Existing clients keep working.
   *
   * @throws IllegalStateException if it is already running, or fails to start
   */
  public synchronized void startApiServer() {
    checkOpen();
    if (apiServer != null && apiServer.isAlive()) {
      throw new IllegalStateException("kube-apiserver is already running");
    }
    apiServer =
        ChildProcess.start(
            "kube-apiserver",
            apiServerCommand.command(binaries.kubeApiServer()),
            files.log("kube-apiserver"));
    if (certificateAuthority == null) {
      awaitReady(
          apiServer,
          "kube-apiserver to write its serving certificate to " + files.certDirectory(),
          Duration.ofMillis(50),
          () -> Files.exists(apiServerCommand.servingKey()));
      try {
        certificateAuthority = Files.readAllBytes(apiServerCommand.servingCertificate());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + apiServerCommand.servingCertificate(), e);
      }
      files.writeKubeconfig(
          apiServerCommand.serverUrl(), apiServerCommand.servingCertificate(), adminToken);
    }
    OkHttpClient http =
        adminClient()
            .getHttpClient()
            .newBuilder()
            .readTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .build();
    Request readyz =
        new Request.Builder()
            .url(apiServerCommand.serverUrl().resolve("/readyz").toString())
            .header("Authorization", "Bearer " + adminToken)
            .build();
    awaitReady(
        apiServer,
        "kube-apiserver at " + apiServerCommand.serverUrl() + " to be ready (/readyz)",
        Duration.ofMillis(100),
        () -> {
          try (Response response = http.newCall(readyz).execute()) {
            return response.code() == 200;
          }
        });
  }

  /**
   * Stops kube-apiserver (gracefully, then by force after 20 s) and keeps etcd running, so a test
   * can see what clients and informers do while the API server is away.
   */
  public synchronized void stopApiServer() {
    checkOpen();
    if (apiServer != null) {
      apiServer.stopAtEndOfInput(STOP_GRACE);
    }
  }

  /**
   * Stops kube-apiserver and starts it again on the same port and etcd; see {@link
   * #stopApiServer()} and {@link #startApiServer()}.
   */
  public synchronized void restartApiServer() {
    stopApiServer();
    startApiServer();
  }

  /**
   * Returns a new client authenticated as a member of {@code system:masters}, with read timeout 0.
   * Each call returns a new instance, so a test may change its settings freely.
   *
   * @return an admin client
   */
  public ApiClient adminClient() {
    return clientWithToken(adminToken);
  }

  /**
   * Returns a client that authenticates as a new ServiceAccount bound to {@code clusterRoleName} by
   * a ClusterRoleBinding, and to nothing else. The ServiceAccount lives in the namespace {@value
   * ServiceAccountClients#NAMESPACE}; the role need not exist yet (RBAC resolves it per request).
   *
   * <p>The aggregated roles {@code admin}, {@code edit} and {@code view} grant nothing here: their
   * rules are filled in by kube-controller-manager, which does not run. Create the ClusterRole the
   * test needs (as the operator's Helm chart would).
   *
   * @param clusterRoleName the ClusterRole whose permissions the client gets
   * @return a client restricted to that role, with read timeout 0
   * @throws ApiException if the ServiceAccount, binding or token cannot be created
   */
  public ApiClient clientForClusterRole(String clusterRoleName) throws ApiException {
    checkOpen();
    return serviceAccountClients.forClusterRole(clusterRoleName);
  }

  /**
   * Returns a client that authenticates as an existing ServiceAccount with a token from the
   * TokenRequest API (valid for one hour), so whatever Roles and ClusterRoles are bound to it
   * apply.
   *
   * @param namespace the ServiceAccount's namespace
   * @param name the ServiceAccount's name
   * @return a client acting as that ServiceAccount, with read timeout 0
   * @throws ApiException if the token cannot be issued (for example, the ServiceAccount is missing)
   */
  public ApiClient clientForServiceAccount(String namespace, String name) throws ApiException {
    checkOpen();
    return clientWithToken(serviceAccountClients.token(namespace, name));
  }

  /**
   * Creates a namespace whose name is {@code prefix} followed by a random suffix, so tests sharing
   * this control plane never collide.
   *
   * @param prefix the start of the name, lower-case letters, digits and {@code -}, at most 50
   *     characters
   * @return the namespace's name
   * @throws IllegalArgumentException if {@code prefix} cannot start a namespace name
   * @throws ApiException if the API server rejects the namespace
   */
  public String createNamespace(String prefix) throws ApiException {
    checkOpen();
    return Namespaces.createUnique(adminClient(), prefix);
  }

  /**
   * Installs the imps CRD that {@code imps-api} ships ({@link CrdResource#yaml()}) and waits until
   * it is Established and listed in API discovery. Updates it if it is already installed.
   *
   * @return the CRD as the API server stored it
   * @throws ApiException if the API server rejects the CRD
   * @throws IllegalStateException if the resource is missing from the classpath
   */
  public V1CustomResourceDefinition installImpsCrd() throws ApiException {
    return installCrd(CrdResource.yaml());
  }

  /**
   * Installs a CRD by server-side apply and waits until it is Established and listed in API
   * discovery. Updates it if one with its name is already installed.
   *
   * @param yaml one CustomResourceDefinition document, YAML or JSON
   * @return the CRD as the API server stored it
   * @throws IllegalArgumentException if {@code yaml} is not a CustomResourceDefinition with a name
   * @throws ApiException if the API server rejects the CRD
   */
  public V1CustomResourceDefinition installCrd(String yaml) throws ApiException {
    checkOpen();
    return CustomResourceDefinitions.install(adminClient(), yaml, CRD_TIMEOUT);
  }

  /**
   * Runs kubectl as the admin and returns its standard output.
   *
   * @param args the arguments after {@code kubectl}, such as {@code "get", "imps"}
   * @return what kubectl printed on standard output
   * @throws KubectlException if kubectl fails; it carries standard error, with the API server's
   *     message
   */
  public String kubectl(String... args) {
    return kubectlWithInput(null, args);
  }

  /**
   * Runs kubectl as the admin with {@code input} on its standard input (for {@code apply -f -}).
   *
   * @param input what to write to kubectl's standard input, or null for nothing
   * @param args the arguments after {@code kubectl}
   * @return what kubectl printed on standard output
   * @throws KubectlException if kubectl fails; it carries standard error, with the API server's
   *     message
   */
  public String kubectlWithInput(String input, String... args) {
    checkOpen();
    return kubectl.run(input, List.of(args));
  }

  /**
   * Returns the admin kubeconfig, for kubectl or for a process such as the operator under test.
   *
   * @return the kubeconfig file (deleted by {@link #close()})
   */
  public Path kubeconfigFile() {
    return files.kubeconfig();
  }

  /**
   * Returns the API server's URL.
   *
   * @return {@code https://127.0.0.1:<port>}
   */
  public URI serverUrl() {
    return apiServerCommand.serverUrl();
  }

  /**
   * Returns how long {@link #start()} took from launching etcd to kube-apiserver being ready.
   *
   * @return the start-up time
   */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Returns the data folder (etcd data, certificates, logs), for diagnosing a failed test.
   *
   * @return the folder, deleted by {@link #close()}
   */
  public Path dataDirectory() {
    return files.root();
  }

  /** Stops kube-apiserver and etcd and deletes the data folder. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is stopping the processes too.
    }
    if (apiServer != null) {
      apiServer.stopAtEndOfInput(STOP_GRACE);
    }
    if (etcd != null) {
      etcd.stopAtEndOfInput(STOP_GRACE);
    }
    files.delete();
  }

  /**
   * The shutdown hook: like {@link #close()} but without taking the lock, which a test thread may
   * hold while it waits for kube-apiserver, so JVM exit is never held up by it.
   */
  private void stopOnShutdown() {
    LoggedProcess runningApiServer = apiServer;
    LoggedProcess runningEtcd = etcd;
    if (runningApiServer != null) {
      runningApiServer.stopAtEndOfInput(SHUTDOWN_GRACE);
    }
    if (runningEtcd != null) {
      runningEtcd.stopAtEndOfInput(SHUTDOWN_GRACE);
    }
    try {
      files.delete();
    } catch (UncheckedIOException e) {
      // Best effort while the JVM exits; the folder is under the temporary folder.
    }
  }

  ApiClient clientWithToken(String token) {
    ClientBuilder builder =
        new ClientBuilder()
            .setBasePath(apiServerCommand.serverUrl().toString())
            .setVerifyingSsl(true)
            .setCertificateAuthority(certificateAuthority)
            .setAuthentication(new AccessTokenAuthentication(token))
            .setReadTimeout(Duration.ZERO);
    return builder.build();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the control plane has been closed");
    }
  }

  /** Polls {@code ready}, failing at once if the process ends and quoting its log on timeout. */
  private static void awaitReady(
      LoggedProcess process, String what, Duration interval, Poll.Condition ready) {
    try {
      Poll.until(what, START_TIMEOUT, interval, () -> failIfEnded(process), ready);
    } catch (IllegalStateException e) {
      if (!process.isAlive()) {
        throw e;
      }
      throw new IllegalStateException(
          e.getMessage()
              + "; last lines of "
              + process.logFile()
              + ":\n"
              + process.logTail(LOG_TAIL_LINES),
          e);
    }
  }

  private static void failIfEnded(LoggedProcess process) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          process.name()
              + " exited with status "
              + process.exitValue()
              + " before it was ready; last lines of "
              + process.logFile()
              + ":\n"
              + process.logTail(LOG_TAIL_LINES));
    }
  }
}
