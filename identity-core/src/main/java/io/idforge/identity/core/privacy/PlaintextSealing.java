package io.idforge.identity.core.privacy;

import io.idforge.identity.core.application.port.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The data migration of V7: personal data written in plaintext before encryption is sealed at
 * start-up, in batches (each its own transaction), right after the key ring is loaded. Chosen over
 * reading plaintext forever so a database backup taken after the first start holds no plaintext;
 * readers still accept an unsealed value meanwhile (a node of the previous version may write one
 * during a rolling update), and the next start seals it.
 */
@ApplicationScoped
public class PlaintextSealing {

  private static final Logger LOG = Logger.getLogger(PlaintextSealing.class.getName());

  private static final int BATCH = 500;

  @Inject PersonalDataStore store;

  /** @return how many values were sealed */
  public int sealAll() {
    int total = 0;
    int sealed;
    do {
      sealed = store.sealPlaintext(BATCH);
      total += sealed;
    } while (sealed > 0);
    if (total > 0) {
      int count = total;
      LOG.info(() -> "sealed " + count + " personal data value(s) stored in plaintext before encryption");
    }
    return total;
  }
}
