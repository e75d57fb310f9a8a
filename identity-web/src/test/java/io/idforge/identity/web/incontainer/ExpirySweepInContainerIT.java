package io.idforge.identity.web.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.ProcessEventsService;
import io.idforge.identity.core.application.ProcessExpiry;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.WebTokenRequest;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.engine.EventNames;
import jakarta.inject.Inject;
import java.io.File;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The expiry sweep's batches ({@link ProcessExpiry#expireBatch}) run by two sweepers at once over
 * the same overdue processes: every process expires exactly once, with exactly one terminal event,
 * and the two sweepers' counts add up to the number of processes. The processes are made overdue
 * by sweeping at a moment past their deadline rather than by waiting (their time to live is an
 * hour, so the container's own job, on the real clock, leaves them alone). Embedded H2 here, where
 * {@code SKIP LOCKED} with a limit locks every matching row (the sweepers take turns); on
 * PostgreSQL they take disjoint rows at the same time (bench/expiry.sh).
 */
@ExtendWith(ArquillianExtension.class)
class ExpirySweepInContainerIT {

  private static final int PROCESSES = 90;
  private static final int BATCH = 20;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("app.war")))
        .addClasses(ExpirySweepInContainerIT.class);
  }

  @Inject ClientService clients;

  @Inject FlowService flows;

  @Inject ApiKeyService apiKeys;

  @Inject HostedFlowService hosted;

  @Inject ProcessService processes;

  @Inject ProcessEventsService events;

  @Inject ProcessExpiry expiry;

  @Test
  void twoConcurrentSweepersExpireEveryProcessExactlyOnce() throws Exception {
    String clientId = clients.provision("expiry-sweep", "k").client().clientId();
    Caller backend = Caller.backend(clientId, "k");
    FlowStep email = new FlowStep(null, StepType.EMAIL_VERIFICATION, new StepConfig(0, 0.65, List.of(), "default", null,
        StepConfig.DEFAULT_TIMEOUT_SECONDS, StepConfig.DEFAULT_REVIEW_TIMEOUT_SECONDS));
    String flowId = flows.create(backend, new FlowDefinition("expiry-sweep", true, 60, List.of(email))).flow().flowId();
    List<String> processIds = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      String jti = apiKeys.issueWebToken(backend,
              new WebTokenRequest("web", "digital-identity", 1, "CO", "https://example.com/done", flowId, null,
                  null, null, null, null, null))
          .keyId();
      processIds.add(hosted.open(Caller.web(clientId, "web-integration", jti), "127.0.0.1").process().process().processId());
    }

    // Two hours on: every process above is past its one-hour deadline.
    OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2);
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> sweeper = () -> {
      start.await();
      int expired = 0;
      ProcessExpiry.Batch batch;
      do {
        batch = expiry.expireBatch(later, BATCH, List.of());
        expired += batch.expired();
      } while (batch.claimed() > 0);
      return expired;
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(sweeper);
      Future<Integer> b = pool.submit(sweeper);
      start.countDown();
      int total = a.get(120, TimeUnit.SECONDS) + b.get(120, TimeUnit.SECONDS);
      assertEquals(PROCESSES, total, "the two sweepers' counts add up to the processes, none counted twice");
      for (String processId : processIds) {
        ProcessView view = processes.get(backend, processId);
        assertEquals(ProcessStatus.FAILURE, view.process().status(), processId);
        assertEquals(FailureStatus.EXPIRED, view.process().failureStatus(), processId);
        List<ProcessEvent> terminal = events.timeline(backend, processId).stream()
            .filter(e -> e.validationId() == null)
            .filter(e -> EventNames.FAILED.equals(e.eventAction()) || EventNames.SUCCEEDED.equals(e.eventAction()))
            .toList();
        assertEquals(1, terminal.size(), processId + ": exactly one terminal event");
      }
      assertEquals(0, expiry.expireBatch(later, BATCH, List.of()).claimed(), "nothing is left for a third sweep");
    } finally {
      pool.shutdownNow();
    }
  }
}
