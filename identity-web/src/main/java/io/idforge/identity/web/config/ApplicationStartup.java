package io.idforge.identity.web.config;

import io.idforge.identity.api.spi.FaceMatcher;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.port.SchemaMigrator;
import io.idforge.identity.core.jobs.DrainWebhooksJob;
import io.idforge.identity.core.jobs.ExpireProcessesJob;
import io.idforge.identity.core.jobs.PurgePersonalDataJob;
import io.idforge.identity.core.privacy.PlaintextSealing;
import java.time.Clock;
import java.time.OffsetDateTime;
import io.idforge.identity.core.security.MediaKeys;
import io.idforge.identity.core.security.OtpKeys;
import io.idforge.identity.core.security.SigningKeys;
import io.idforge.identity.core.application.console.ConsoleUserService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up in a fixed order: migrate the schema (DDL, so bean-managed: no JTA transaction), load
 * or generate the signing, media and one-time-code keys, create the demo tenant on an empty database, then start the jobs.
 * The datasource is defined here from MicroProfile Config ({@code db.url}, {@code db.user},
 * {@code db.password}, overridden by {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}).
 */
@DataSourceDefinition(
    name = "java:app/jdbc/identity",
    className = "io.idforge.identity.web.config.RoutingDataSource",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      // Fail-over: after a database restart every pooled connection is dead. Each connection is
      // checked with Connection.isValid (JDBC 4, any driver) before the pool hands it out, and a
      // broken one is replaced, so service resumes as soon as the database is back instead of
      // failing until the idle timeout retires them. Not fail-all-connections: Payara 6.2025.10
      // races when two requests trigger it at once ("Task already scheduled or cancelled", a 500,
      // seen in FailoverIT), and each dead connection costs only one failed isValid anyway.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      // A request waits at most 5 s for a free connection, then fails (503), never queueing for
      // the default 60 s.
      "fish.payara.max-wait-time-in-millis=5000"
    })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ApplicationStartup {

  private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

  @Inject SchemaMigrator migrator;

  @Inject SigningKeys signingKeys;

  @Inject MediaKeys mediaKeys;

  @Inject OtpKeys otpKeys;

  @Inject ClientService clients;

  @Inject ConsoleUserService consoleUsers;

  @Inject
  @ConfigProperty(name = "identity.console.operator-password-hash")
  Optional<String> operatorPasswordHash;

  @Inject ExpireProcessesJob expireProcessesJob;

  @Inject DrainWebhooksJob drainWebhooksJob;

  @Inject PurgePersonalDataJob purgeJob;

  @Inject PlaintextSealing plaintextSealing;

  @Inject Clock clock;

  @Inject Instance<FaceMatcher> faceMatchers;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "identity.bootstrap.demo", defaultValue = "true")
  boolean bootstrapDemo;

  @Inject
  @ConfigProperty(name = "identity.public-base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  @PostConstruct
  void start() {
    migrator.migrate();
    signingKeys.initialise();
    mediaKeys.initialise();
    otpKeys.initialise();
    // Personal data written in plaintext before V7 is sealed now that the key ring is loaded.
    plaintextSealing.sealAll();
    if (bootstrapDemo) {
      clients
          .bootstrapDemoIfEmpty()
          .ifPresent(
              demo ->
                  // Printed once, on the very first start: the key is not stored in clear anywhere.
                  System.out.println(
                      "\n=== IdForge demo tenant created (shown once) ===\n"
                          + "client_id:       " + demo.tenant().client().clientId() + "\n"
                          + "backend API key: " + demo.tenant().backendKey().token() + "\n"
                          + "demo flow_id:    " + demo.flowId() + "\n"
                          + "Try: curl -s -X POST " + baseUrl + "/v1/api-keys -H 'Truora-API-Key: <key>' "
                          + "-d key_type=web -d grant=digital-identity -d api_key_version=1 -d country=ALL "
                          + "-d redirect_url=https://example.com/done -d flow_id=" + demo.flowId() + "\n"
                          + "================================================\n"));
    }
    consoleUsers
        .bootstrapOperator(operatorPasswordHash)
        .ifPresent(
            link ->
                // Printed once, on the first start with no console user: only its digest is stored.
                System.out.println(
                    "\n=== IdForge operator console: one-time setup link (shown once, valid 48 h) ===\n"
                        + "user: " + link.username() + "\n"
                        + baseUrl + "/admin/setup.xhtml?token=" + link.token() + "\n"
                        + "==============================================================================\n"));
    if (!faceMatchers.isResolvable()) {
      reportFaceMatching(null);
    } else {
      // ONNX Runtime and three models take seconds: loaded off the start path; requests that need
      // the engine meanwhile wait for it. The outcome is logged as before, once the load ends.
      FaceMatcher matcher = faceMatchers.get();
      matcher.loadInBackground(executor);
      executor.execute(() -> reportFaceMatching(matcher));
    }
    expireProcessesJob.schedule();
    drainWebhooksJob.schedule();
    purgeJob.schedule();
    expireProcessesJob.resumeInterruptedChecks(OffsetDateTime.now(clock));
    LOG.info("identity service started");
  }

  /** Off is visible in the start-up log (README, "Face verification"); waits for the engine's load. */
  private static void reportFaceMatching(FaceMatcher matcher) {
    if (matcher == null || !matcher.isAvailable()) {
      LOG.warning(
          "Face matching is OFF: no face engine is installed, so every face-recognition validation"
              + " waits for manual review (it never passes on its own).");
    } else {
      LOG.info(() -> "face matching engine: " + matcher.name());
    }
  }
}
