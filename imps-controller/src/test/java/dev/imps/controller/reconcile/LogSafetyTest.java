package dev.imps.controller.reconcile;

import static dev.imps.controller.reconcile.Fixtures.PASSWORD;
import static dev.imps.controller.reconcile.Fixtures.T0;
import static dev.imps.controller.reconcile.Fixtures.crForNames;
import static dev.imps.controller.reconcile.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every log line of a pass, at debug level, in good and bad weather, is free of credentials. */
class LogSafetyTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.imps.controller.reconcile");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void capture() {
    previousLevel = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }

  @Test
  void noLogLineCarriesACredential() {
    FakeCluster cluster = new FakeCluster();
    cluster.withNamespace("a").withNamespace("b").withNamespace("c").put(source());
    cluster.put(SecretSnapshot.builder("c", Fixtures.TARGET).build());
    cluster.put(crForNames("imps", "uid-1", T0, "a", "b", "c"));
    cluster.fail(
        "create b/" + Fixtures.TARGET, WriteResult.of(WriteResult.Outcome.FAILED, "denied"));
    Reconciler reconciler = Fixtures.reconcilerOn(cluster).build();

    reconciler.reconcile("imps");
    cluster.put(Fixtures.malformedSource());
    reconciler.reconcile("imps");
    cluster.removeCr("imps");
    reconciler.reconcile("imps");

    String logs =
        appender.list.stream()
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : ThrowableProxyUtil.asString(e.getThrowableProxy())))
            .collect(Collectors.joining("\n"));
    String auth =
        Base64.getEncoder().encodeToString(("robot:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(appender.list).isNotEmpty();
    assertThat(logs).contains("imagepullsecret=imps").doesNotContain(PASSWORD).doesNotContain(auth);
  }
}
