package io.idforge.identity.core.domain.media;

import java.util.Optional;

/** Port for encrypted media. */
public interface MediaRepository {

  Optional<StoredMedia> find(String clientId, String mediaId);

  void store(StoredMedia media);
}
