package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The expiry sweep's records ({@link ProcessRecords#ofLocked}) read the open review tasks of a whole
 * batch in one query per tenant, not one per pending validation, and the engine still closes them.
 */
class ProcessRecordsBatchTest {

  final AtomicInteger perValidation = new AtomicInteger();
  final AtomicInteger perBatch = new AtomicInteger();
  final List<ReviewTask> open = new ArrayList<>();
  final List<Validation> validations = new ArrayList<>();

  @Test
  void aBatchReadsOpenReviewsOnceAndExpiryClosesEach() {
    OffsetDateTime overdue = TestData.now().minusMinutes(1);
    List<IdentityProcess> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      IdentityProcess p = TestData.process(overdue);
      batch.add(p);
      Validation v =
          new Validation(
              p.processId(), p.clientId(), p.accountId(), 0, StepType.DOCUMENT_VALIDATION, StepConfig.DEFAULT_RETRIES,
              null, StepConfig.DEFAULT_TIMEOUT_SECONDS, "127.0.0.1", TestData.now());
      validations.add(v);
      open.add(
          new ReviewTask(
              p.clientId(), p.processId(), v.validationId(), "document-validation", "manual", TestData.now(), overdue));
    }
    // A task of another tenant with the same validation id is never handed to this tenant's batch.
    open.add(
        new ReviewTask(
            "TCI99999999999999999999999999999999", "IDP-other", validations.get(0).validationId(),
            "document-validation", "manual", TestData.now(), overdue));

    List<ProcessRecord> records = records().ofLocked(batch, "system");
    ProcessEngine engine = new ProcessEngine(TestData.CLOCK).at(TestData.now());
    for (ProcessRecord r : records) {
      assertTrue(engine.expire(r), "overdue process expired");
    }

    assertEquals(1, perBatch.get(), "one read of open reviews for the batch");
    assertEquals(0, perValidation.get(), "no read per validation");
    for (int i = 0; i < 5; i++) {
      assertFalse(open.get(i).isOpen(), "the expired validation's review is closed");
    }
    assertTrue(open.get(5).isOpen(), "the other tenant's task is left alone");
  }

  private ProcessRecords records() {
    ProcessRecords r = new ProcessRecords();
    r.validations = proxy(ValidationRepository.class, (m, args) -> m.equals("listByProcesses") ? validations : null);
    r.reviews =
        proxy(
            ReviewTaskRepository.class,
            (m, args) -> {
              if (m.equals("findOpenByValidation")) {
                perValidation.incrementAndGet();
                return open.stream()
                    .filter(t -> t.clientId().equals(args[0]) && t.validationId().equals(args[1]) && t.isOpen())
                    .findFirst();
              }
              if (m.equals("findOpenByValidations")) {
                perBatch.incrementAndGet();
                Collection<?> ids = (Collection<?>) args[1];
                return open.stream()
                    .filter(t -> t.clientId().equals(args[0]) && ids.contains(t.validationId()) && t.isOpen())
                    .toList();
              }
              return null;
            });
    r.definitions =
        new FlowDefinitions() {
          @Override
          public FlowDefinition of(String flowId, int version) {
            return new FlowDefinition("f", true, 60, List.of(TestData.step(StepType.DOCUMENT_VALIDATION)));
          }
        };
    return r;
  }

  interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.isDefault() && !method.getName().equals("findOpenByValidations")) {
                return java.lang.reflect.InvocationHandler.invokeDefault(self, method, args);
              }
              Object a = answer.answer(method.getName(), args);
              return a == null && method.getReturnType() == Optional.class ? Optional.empty() : a;
            });
  }
}
