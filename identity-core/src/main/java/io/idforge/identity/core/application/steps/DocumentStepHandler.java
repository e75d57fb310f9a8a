package io.idforge.identity.core.application.steps;

import io.idforge.identity.core.application.CheckInputs;
import io.idforge.identity.core.application.DocumentDetailsJson;
import io.idforge.identity.core.application.DocumentInspection;
import io.idforge.identity.core.application.DocumentInspector;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.document.image.ImageFormat;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.engine.CheckResult;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The document step: takes the photos of one attempt (the front, and the back unless the document
 * is a passport), stores them encrypted and submits the validation; its check inspects them
 * in-house ({@link DocumentInspector}: image quality, barcode or MRZ, data consistency, registry).
 */
@ApplicationScoped
public class DocumentStepHandler {

  /** Review reason when nothing could be read because no OCR engine is installed. */
  public static final String EXTRACTION_OFF = "document_extraction_off";

  @Inject DocumentInspector inspector;

  @Inject MediaService media;

  @Inject ProcessEngine engine;

  @Inject Clock clock;

  /**
   * @param reverse the back side; null for passports (other documents without one are a retry)
   * @return the notice for the user (a retry reason), or null when the check was submitted
   */
  public String submit(
      ProcessRecord r, Validation v, String country, String documentType, byte[] front, byte[] reverse) {
    requireAccepted(r.stepOf(v), country, documentType);
    if (front == null || front.length == 0) {
      throw new InvalidRequestException("Invalid request: the front of the document is required");
    }
    for (byte[] side : reverse == null ? List.of(front) : List.of(front, reverse)) {
      Optional<String> refused = UploadLimits.refusal(side);
      if (refused.isPresent()) {
        return engine.refuse(r, v, refused.get(), null);
      }
    }
    if (reverse == null && !needsNoReverse(documentType)) {
      return engine.refuse(r, v, "reverse_document_not_found", null);
    }
    String owner = v.processId();
    String frontId = media.store(v.clientId(), owner, MediaKind.DOCUMENT_FRONT, mimeType(front), front);
    String reverseId =
        reverse == null ? null : media.store(v.clientId(), owner, MediaKind.DOCUMENT_REVERSE, mimeType(reverse), reverse);
    v.attachDocument(country, documentType, frontId, reverseId);
    engine.submit(r, v);
    return null;
  }

  /**
   * Announces the document of a validation whose sides arrive one upload at a time (the
   * Validations API), with the same acceptance rules as {@link #submit}.
   */
  public void expect(ProcessRecord r, Validation v, String country, String documentType) {
    requireAccepted(r.stepOf(v), country, documentType);
    v.expectDocument(country, documentType);
  }

  /**
   * Takes one side of an announced document and, once every side the document has is in, submits
   * the validation exactly as {@link #submit} would.
   *
   * @return the notice (a retry or decline reason) when the side was refused, or null
   */
  public String submitSide(ProcessRecord r, Validation v, boolean front, byte[] picture) {
    if (v.documentType() == null) {
      throw new InvalidRequestException("Invalid request: the document was not announced");
    }
    if (picture == null || picture.length == 0) {
      throw new InvalidRequestException("Invalid request: the uploaded file is empty");
    }
    Optional<String> refused = UploadLimits.refusal(picture);
    if (refused.isPresent()) {
      return engine.refuse(r, v, refused.get(), null);
    }
    MediaKind kind = front ? MediaKind.DOCUMENT_FRONT : MediaKind.DOCUMENT_REVERSE;
    v.attachDocumentSide(front, media.store(v.clientId(), v.processId(), kind, mimeType(picture), picture));
    if (complete(v)) {
      engine.submit(r, v);
    }
    return null;
  }

  /** Whether every side the announced document has has arrived. */
  public static boolean complete(Validation v) {
    return v.frontMediaId() != null && (v.reverseMediaId() != null || needsNoReverse(v.documentType()));
  }

  private static void requireAccepted(FlowStep step, String country, String documentType) {
    if (country == null || country.isBlank()) {
      throw new InvalidRequestException("Invalid request: country is required");
    }
    if (documentType == null || documentType.isBlank()) {
      throw new InvalidRequestException("Invalid request: document_type is required");
    }
    if (step != null && !step.config().allows(country, documentType)) {
      throw new InvalidRequestException(
          "Invalid request: document_type " + documentType + " of " + country + " is not accepted by this flow");
    }
  }

  /** Documents that have no back to photograph. */
  public static boolean needsNoReverse(String documentType) {
    return "passport".equals(documentType);
  }

  /** Inspects the stored photos (slow: OCR, registry); runs without any lock. */
  public CheckResult check(CheckInputs in) {
    DocumentInspection inspection =
        inspector.inspect(in.documentCountry(), in.documentType(), in.front(), in.reverse(), in.minimumAge());
    String details = DocumentDetailsJson.of(inspection, in.frontMimeType(), OffsetDateTime.now(clock));
    if (inspection.extractionOff()) {
      return new CheckResult.Undecided(EXTRACTION_OFF, details);
    }
    if (inspection.passed()) {
      return new CheckResult.Passed(details);
    }
    return new CheckResult.Failed(inspection.failure(), details);
  }

  static String mimeType(byte[] picture) {
    return ImageFormat.sniff(picture).map(ImageFormat::mimeType).orElse("application/octet-stream");
  }
}
