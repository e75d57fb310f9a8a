package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.media.MediaRepository;
import io.idforge.identity.core.domain.media.StoredMedia;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.security.MediaCipher;
import io.idforge.identity.core.security.MediaKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Stores uploads encrypted at rest and reads them back for their own tenant only. The caller has
 * already checked the content (format, size); this service only seals and opens.
 */
@Stateless
public class MediaService {

  @Inject MediaRepository media;

  @Inject MediaKeys keys;

  @Inject Clock clock;

  /** A decrypted upload with what a response needs to serve it. */
  public record MediaContent(String mediaId, String mimeType, byte[] bytes) {}

  /** Seals and stores an upload of one process; returns its media id. */
  public String store(String clientId, String processId, MediaKind kind, String mimeType, byte[] content) {
    StoredMedia stored = new StoredMedia(clientId, processId, kind, mimeType, content.length, OffsetDateTime.now(clock));
    MediaCipher.Sealed sealed = keys.cipher().seal(content, stored.associatedData());
    stored.seal(sealed.keyId(), sealed.nonce(), sealed.ciphertext());
    media.store(stored);
    return stored.mediaId();
  }

  /** The decrypted upload; another tenant's id is reported as not found. */
  public MediaContent read(String clientId, String mediaId) {
    StoredMedia stored = media.find(clientId, mediaId).orElseThrow(() -> new NotFoundException("Resource not found"));
    byte[] bytes = keys.cipher().open(stored.keyId(), stored.nonce(), stored.ciphertext(), stored.associatedData());
    return new MediaContent(stored.mediaId(), stored.mimeType(), bytes);
  }
}
