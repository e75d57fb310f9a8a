package io.idforge.identity.web.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks every JSON answer of {@code /v1} that the black-box tests receive against the committed
 * OpenAPI document (docs/openapi.yaml, which {@link OpenApiDocumentIT} keeps equal to the served
 * one): an answer whose shape drifts from the contract fails the test that got it.
 *
 * <p>Ignored on purpose: answers for paths or methods the document does not have (the tests of
 * unknown paths and wrong methods) and statuses an operation does not list; everything else
 * (body schema, required members, types, enums, extra members) is an error.
 */
final class OpenApiContract {

  private static OpenApiInteractionValidator validator;

  private OpenApiContract() {}

  static Path document() {
    String location = System.getProperty("openapi.document");
    if (location == null || location.isBlank()) {
      throw new IllegalStateException("system property openapi.document is not set (run through Failsafe)");
    }
    return Path.of(location);
  }

  private static synchronized OpenApiInteractionValidator validator() {
    if (validator == null) {
      String spec;
      try {
        spec = Files.readString(document());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read " + document() + "; regenerate it (README, \"OpenAPI\")", e);
      }
      validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(spec)
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                      .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                      .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                      .build())
              .build();
    }
    return validator;
  }

  /** Fails when a JSON answer of the API breaks the document. */
  static void check(String method, String path, Resp r) {
    String type = r.header("Content-Type");
    if (!path.startsWith("/v1/") || type == null || !type.startsWith("application/json")) {
      return;
    }
    SimpleResponse response =
        SimpleResponse.Builder.status(r.status()).withContentType(type).withBody(r.body()).build();
    ValidationReport report =
        validator().validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response);
    if (report.hasErrors()) {
      StringBuilder out = new StringBuilder("answer breaks docs/openapi.yaml: " + method + " " + path + " -> " + r);
      report.getMessages().forEach(m -> out.append("\n  ").append(m.getKey()).append(": ").append(m.getMessage()));
      throw new AssertionError(out.toString());
    }
  }
}
