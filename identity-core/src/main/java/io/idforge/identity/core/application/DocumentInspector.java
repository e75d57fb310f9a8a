package io.idforge.identity.core.application;

import io.idforge.identity.api.spi.GovernmentRegistry;
import io.idforge.identity.api.spi.GovernmentRegistry.RegistryAnswer;
import io.idforge.identity.api.spi.GovernmentRegistry.RegistryQuery;
import io.idforge.identity.api.spi.TextRecognizer;
import io.idforge.identity.core.document.CheckItem;
import io.idforge.identity.core.document.CheckResult;
import io.idforge.identity.core.document.DataConsistency;
import io.idforge.identity.core.document.DocumentData;
import io.idforge.identity.core.document.DocumentDates;
import io.idforge.identity.core.document.barcode.ColombianCedulaBarcode;
import io.idforge.identity.core.document.barcode.Pdf417Reader;
import io.idforge.identity.core.document.image.BlurCheck;
import io.idforge.identity.core.document.image.ImageCheckResult;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.core.document.image.ImageDecoding;
import io.idforge.identity.core.document.image.ResolutionCheck;
import io.idforge.identity.core.document.mrz.Mrz;
import io.idforge.identity.core.document.mrz.MrzParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inspects one document attempt in-house: decodes both sides, checks resolution and sharpness,
 * reads the data (PDF417 barcode of the Colombian cédula, ICAO 9303 machine-readable zone by OCR),
 * runs the data-consistency checks and, when a registry gateway is configured, the government
 * lookup. It decides nothing about retries or review; {@link HostedFlowService} does.
 */
@ApplicationScoped
public class DocumentInspector {

  private static final Logger LOG = Logger.getLogger(DocumentInspector.class.getName());

  @Inject Instance<TextRecognizer> recognizers;

  @Inject Instance<GovernmentRegistry> registries;

  @Inject Clock clock;

  /** The deployment's shared decoder: limits and bulkhead (see {@link ImageDecoderProducer}). */
  @Inject ImageDecoder decoder;

  @Inject
  @ConfigProperty(name = "identity.documents.blur-threshold", defaultValue = "100")
  double blurThreshold;

  @Inject
  @ConfigProperty(name = "identity.documents.min-width", defaultValue = "640")
  int minWidth;

  @Inject
  @ConfigProperty(name = "identity.documents.min-height", defaultValue = "400")
  int minHeight;

  /**
   * @param front the front side, already checked to be an image of acceptable size
   * @param reverse the back side, or null for documents without one (passports)
   * @param minimumAge the flow's minimum age, or null
   */
  public DocumentInspection inspect(
      String country, String documentType, byte[] front, byte[] reverse, Integer minimumAge) {
    LocalDate today = LocalDate.now(clock);
    List<CheckItem> image = new ArrayList<>();
    BufferedImage frontImage = decode(front, "front", image);
    BufferedImage reverseImage = reverse == null ? null : decode(reverse, "reverse", image);
    Optional<String> imageFailure = DataConsistency.declinedReason(image);
    if (imageFailure.isPresent()) {
      return new DocumentInspection(
          empty(country, documentType), null, null, image, List.of(), List.of(), imageFailure.get(), false);
    }

    String bloodType = null;
    String machineReadable = null;
    DocumentData data = null;
    Mrz mrz = null;
    if ("CO".equals(country) && reverseImage != null) {
      Optional<ColombianCedulaBarcode> cedula = Pdf417Reader.read(reverseImage).flatMap(ColombianCedulaBarcode::parse);
      if (cedula.isPresent()) {
        ColombianCedulaBarcode c = cedula.get();
        data = new DocumentData(country, documentType, c.documentNumber(), c.givenNames(), c.surnames(),
            c.dateOfBirth() == null ? null : c.dateOfBirth().toString(), c.gender(), null, null);
        bloodType = c.bloodType();
      }
    }
    boolean ocrAvailable = recognizer().isPresent();
    if (data == null && ocrAvailable) {
      mrz = readMrz(reverse != null ? reverse : front, today).or(() -> reverse != null ? readMrz(front, today) : Optional.empty()).orElse(null);
      if (mrz != null) {
        machineReadable = String.join("\n", mrz.lines());
        data = new DocumentData(country, documentType, mrz.documentNumber(), mrz.givenNames(), mrz.surnames(),
            mrz.dateOfBirth().map(LocalDate::toString).orElse(null), mrz.sex(), null,
            mrz.expiryDate().map(LocalDate::toString).orElse(null));
      }
    }
    if (data == null) {
      // Nothing read: without OCR that is our limitation, not the user's fault.
      return new DocumentInspection(empty(country, documentType), null, null, image, List.of(), List.of(),
          ocrAvailable ? "document_not_recognized" : null, !ocrAvailable);
    }
    DataConsistency consistency = new DataConsistency(minimumAge == null ? 0 : minimumAge);
    List<CheckItem> items = mrz == null ? consistency.check(data, today) : consistency.check(data, mrz, today);
    String failure = DataConsistency.declinedReason(items).orElse(null);
    List<CheckItem> government = new ArrayList<>();
    if (failure == null) {
      CheckItem registry = registryCheck(data);
      government.add(registry);
      if (registry.isInvalid()) {
        failure = registry.reasonCode();
      }
    }
    return new DocumentInspection(data, bloodType, machineReadable, image, items, government, failure, false);
  }

  private BufferedImage decode(byte[] bytes, String side, List<CheckItem> items) {
    // A DecodeBusyException (all decoders busy) passes through: the caller answers "busy, try
    // again" and the transaction it rolls back takes the attempt with it.
    ImageDecoding decoding = decoder.decode(bytes);
    if (decoding instanceof ImageDecoding.NotDecoded failed) {
      String why = failed.problem() == ImageDecoding.Problem.OUT_OF_LIMITS
          ? "The " + side + " image is too large to read: " + failed.detail()
          : "The " + side + " image could not be read";
      items.add(CheckItem.invalid("Validation of " + side + " image", "image-decoding-validation",
          why, failed.declinedReason()));
      return null;
    }
    ImageDecoding.Decoded d = (ImageDecoding.Decoded) decoding;
    add(items, side, "image-resolution-validation", new ResolutionCheck(minWidth, minHeight).check(d.width(), d.height()));
    add(items, side, "image-sharpness-validation", new BlurCheck(blurThreshold).check(d.image()));
    return d.image();
  }

  private static void add(List<CheckItem> items, String side, String type, ImageCheckResult r) {
    items.add(new CheckItem("Validation of " + side + " image quality", type,
        r.passed() ? CheckResult.VALID : CheckResult.INVALID, r.message(), r.declinedReason()));
  }

  private Optional<Mrz> readMrz(byte[] image, LocalDate today) {
    try {
      return recognizer().orElseThrow().recognize(image, TextRecognizer.Mode.MRZ).flatMap(MrzParser.at(today)::parse);
    } catch (TextRecognizer.RecognitionException e) {
      LOG.log(Level.WARNING, "OCR failed on a document image", e);
      return Optional.empty();
    }
  }

  private CheckItem registryCheck(DocumentData data) {
    Optional<GovernmentRegistry> registry = registries.isResolvable() ? Optional.of(registries.get()) : Optional.empty();
    if (registry.isEmpty() || !registry.get().isConfigured() || !registry.get().covers(data.country())) {
      return CheckItem.skipped("Validation of Government Database", "government-database-validation",
          "Validation is disabled by config");
    }
    RegistryAnswer answer = registry.get().check(new RegistryQuery(data.country(), data.documentType(),
        data.documentNumber(), data.name(), data.lastName(),
        DocumentDates.parse(data.dateOfBirth()).orElse(null), DocumentDates.parse(data.issueDate()).orElse(null)));
    String name = "Validation of Government Database - " + answer.registry();
    return switch (answer.verdict()) {
      case VALID -> CheckItem.valid(name, "government-database-validation",
          "Document is current and registered in main identity database");
      case DATA_MISMATCH -> CheckItem.invalid(name, "government-database-validation",
          "Document data do not match the registry", "data_not_match_with_government_database");
      case NOT_FOUND, CANCELLED -> CheckItem.invalid(name, "government-database-validation",
          "Document is not registered as current", "document_unregistered");
      case UNAVAILABLE -> CheckItem.invalid(name, "government-database-validation",
          "The registry could not be reached", "government_database_unavailable");
    };
  }

  private Optional<TextRecognizer> recognizer() {
    if (!recognizers.isResolvable()) {
      return Optional.empty();
    }
    TextRecognizer r = recognizers.get();
    return r.isAvailable() ? Optional.of(r) : Optional.empty();
  }

  private static DocumentData empty(String country, String documentType) {
    return new DocumentData(country, documentType, null, null, null, null, null, null, null);
  }
}
