package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessReads}: the same answers as {@link ProcessService#get} (tenant and token scoping,
 * an overdue process expired first), without its transaction for the ordinary read.
 */
class ProcessReadsTest {

  static final String TENANT = "TCI00000000000000000000000000000001";

  private final ProcessReads reads = new ProcessReads();
  private final List<String> calls = new ArrayList<>();
  private final List<String> transactionalGets = new ArrayList<>();
  private final FlowDefinition definition =
      new FlowDefinition("kyc", true, 30, List.of(TestData.step(StepType.DOCUMENT_VALIDATION)), null, null, null, null, null, null);
  private IdentityProcess stored;
  private final Validation validation = TestData.validation(StepType.DOCUMENT_VALIDATION, 0);

  @BeforeEach
  void setUp() {
    reads.clock = TestData.CLOCK;
    reads.processes = fake(ProcessRepository.class, (method, args) -> {
      calls.add(method + " " + args[0]);
      return stored != null && stored.clientId().equals(args[0]) && stored.processId().equals(args[1])
          ? Optional.of(stored) : Optional.empty();
    });
    reads.validations = fake(ValidationRepository.class, (method, args) -> {
      calls.add(method + " " + args[0]);
      return List.of(validation);
    });
    reads.definitions = new FlowDefinitions() {
      @Override
      public FlowDefinition of(String flowId, int version) {
        return definition;
      }
    };
    reads.transactional = new ProcessService() {
      @Override
      public ProcessView get(Caller caller, String processId) {
        transactionalGets.add(processId);
        return new ProcessView(stored, List.of(), definition);
      }
    };
  }

  @Test
  void aPendingProcessIsReadWithItsValidationsOutsideTheTransactionalService() {
    stored = TestData.process(TestData.now().plusMinutes(10));
    ProcessView view = reads.get(Caller.backend(TENANT, "k"), stored.processId());
    assertSame(stored, view.process());
    assertEquals(List.of(validation), view.validations());
    assertSame(definition, view.flow());
    assertEquals(List.of("find " + TENANT, "listByProcess " + TENANT), calls);
    assertEquals(List.of(), transactionalGets);
  }

  @Test
  void anOverdueProcessIsLeftToTheServiceThatExpiresItInATransaction() {
    stored = TestData.process(TestData.now());
    reads.get(Caller.backend(TENANT, "k"), stored.processId());
    assertEquals(List.of(stored.processId()), transactionalGets);
  }

  @Test
  void anotherTenantsProcessAndAnotherTokensProcessAreNotFound() {
    stored = TestData.process(TestData.now().plusMinutes(10));
    NotFoundException foreign =
        assertThrows(NotFoundException.class, () -> reads.get(Caller.backend("TCI2", "k"), stored.processId()));
    assertEquals("Resource not found", foreign.getMessage());
    assertThrows(NotFoundException.class, () -> reads.get(Caller.web(TENANT, "w", "another-jti"), stored.processId()));
    assertEquals(stored.processId(), reads.get(Caller.web(TENANT, "w", stored.jti()), stored.processId()).process().processId());
    assertEquals(List.of(), transactionalGets);
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  /** A port whose only expected methods answer; any other call fails the test. */
  private static <T> T fake(Class<T> port, Answer answer) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(), new Class<?>[] {port},
            (proxy, method, args) -> {
              if (method.getName().equals("find") || method.getName().equals("listByProcess")) {
                return answer.answer(method.getName(), args);
              }
              throw new UnsupportedOperationException(method.getName());
            }));
  }
}
