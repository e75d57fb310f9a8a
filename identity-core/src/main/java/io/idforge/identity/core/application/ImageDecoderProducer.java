package io.idforge.identity.core.application;

import io.idforge.identity.core.document.image.DecodeBulkhead;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.core.document.image.ImageLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's one {@link ImageDecoder}: limits and bulkhead from configuration, shared by
 * every caller that decodes an upload (document inspection, the face engine's adapter, future API
 * uploads), so the bulkhead bounds the whole service and not each caller separately.
 */
@ApplicationScoped
public class ImageDecoderProducer {

  private static final Logger LOG = Logger.getLogger(ImageDecoderProducer.class.getName());

  @Inject
  @ConfigProperty(name = "identity.images.max-pixels", defaultValue = "50000000")
  long maxPixels;

  @Inject
  @ConfigProperty(name = "identity.images.max-side", defaultValue = "12000")
  int maxSide;

  @Inject
  @ConfigProperty(name = "identity.images.max-aspect-ratio", defaultValue = "10")
  double maxAspectRatio;

  /** Unset: one permit per core the JVM sees. */
  @Inject
  @ConfigProperty(name = "identity.images.decode-permits")
  Optional<Integer> decodePermits;

  @Inject
  @ConfigProperty(name = "identity.images.decode-wait", defaultValue = "PT2S")
  Duration decodeWait;

  private ImageDecoder decoder;

  @PostConstruct
  void create() {
    int permits = decodePermits.orElse(Runtime.getRuntime().availableProcessors());
    ImageLimits limits = new ImageLimits(maxPixels, maxSide, maxAspectRatio);
    decoder = new ImageDecoder(limits, ImageDecoder.DEFAULT_MAX_PIXELS,
        new DecodeBulkhead(permits, decodeWait));
    LOG.info(() -> "image decoding: at most " + maxPixels + " pixels, " + maxSide
        + " px per side, aspect ratio " + maxAspectRatio + "; " + permits
        + " concurrent decodes, waiting at most " + decodeWait);
  }

  /**
   * The shared decoder. Dependent scope is enough: every injection point gets the same instance,
   * and {@link ImageDecoder} is final and immutable, so it needs no client proxy.
   */
  @Produces
  ImageDecoder decoder() {
    return decoder;
  }
}
