package io.idforge.identity.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceMatcher;
import org.junit.jupiter.api.Test;

/** The four states of the face engine as readiness reports them. */
class FaceEngineHealthCheckTest {

  /** An engine that is never asked to compare: readiness only reads its state. */
  private abstract static class StateOnlyEngine implements FaceMatcher {
    @Override
    public String name() {
      return "test-engine";
    }

    @Override
    public FaceComparison compare(byte[] selfie, byte[] documentFront) {
      throw new UnsupportedOperationException();
    }
  }

  private static FaceMatcher matcher(boolean available) {
    return new StateOnlyEngine() {
      @Override
      public boolean isAvailable() {
        return available;
      }
    };
  }

  @Test
  void onOffAndFailed() {
    assertEquals(EngineState.ON, FaceEngineHealthCheck.state(true, matcher(true)));
    assertEquals(EngineState.FAILED, FaceEngineHealthCheck.state(true, matcher(false)));
    assertEquals(EngineState.FAILED, FaceEngineHealthCheck.state(true, null));
    assertEquals(EngineState.OFF, FaceEngineHealthCheck.state(false, matcher(false)));
    assertEquals(EngineState.OFF, FaceEngineHealthCheck.state(false, null));
    assertEquals("failed", EngineState.FAILED.wire());
  }

  @Test
  void aLoadingEngineIsReportedLoadingWithoutWaitingForIt() {
    FaceMatcher loading = new StateOnlyEngine() {
      @Override
      public boolean isLoading() {
        return true;
      }

      @Override
      public boolean isAvailable() {
        throw new AssertionError("would wait for the load to end");
      }
    };
    assertEquals(EngineState.LOADING, FaceEngineHealthCheck.state(true, loading));
    assertEquals("loading", EngineState.LOADING.wire());
    assertEquals(EngineState.OFF, FaceEngineHealthCheck.state(false, loading));
  }
}
