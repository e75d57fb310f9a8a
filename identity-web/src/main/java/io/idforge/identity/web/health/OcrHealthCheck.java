package io.idforge.identity.web.health;

import io.idforge.identity.api.spi.TextRecognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code ocr}: {@code on} when the OCR engine answers its probe, {@code off} when it is not
 * installed. Always UP: without OCR, machine-readable zones are not read and documents wait for
 * review ({@code document_extraction_off}), a supported mode of the service.
 */
@Readiness
@ApplicationScoped
public class OcrHealthCheck implements HealthCheck {

  static final String NAME = "ocr";

  @Inject Instance<TextRecognizer> recognizers;

  @Override
  public HealthCheckResponse call() {
    boolean on = recognizers.isResolvable() && recognizers.get().isAvailable();
    var b = HealthCheckResponse.named(NAME).up().withData("state", (on ? EngineState.ON : EngineState.OFF).wire());
    if (on) {
      b.withData("engine", recognizers.get().name());
    }
    return b.build();
  }
}
