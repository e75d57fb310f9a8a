package io.idforge.identity.core.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.reasons.Reason;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import org.junit.jupiter.api.Test;

/** Every reason an OTP outcome can carry is catalogued for the phone and e-mail validators. */
class OtpReasonsTest {

  final ReasonCatalogue catalogue = ReasonCatalogue.standard();

  @Test
  void declinedReasonsAreKnownToTheCatalogue() {
    int emitted = 0;
    for (OtpResult result : OtpResult.values()) {
      if (result.declinedReason().isPresent()) {
        String code = result.declinedReason().get();
        emitted++;
        assertTrue(catalogue.isDeclinedReason(code), code);
        for (OtpChannel channel : OtpChannel.values()) {
          Reason row = catalogue.find(ReasonKind.DECLINED, code, channel.validator()).orElseThrow();
          assertEquals(channel.validator(), row.validator(), code + " has a row for " + channel);
        }
      }
    }
    assertEquals(2, emitted);
    assertEquals("wrong_verification_code", OtpResult.WRONG_CODE.declinedReason().orElseThrow());
    assertEquals("max_retries_reached", OtpResult.MAX_RETRIES_REACHED.declinedReason().orElseThrow());
  }

  @Test
  void theExpiredReasonIsKnownToTheCatalogue() {
    String code = OtpResult.EXPIRED.expiredReason().orElseThrow();
    assertTrue(catalogue.isExpiredReason(code), code);
    for (OtpChannel channel : OtpChannel.values()) {
      Reason row = catalogue.find(ReasonKind.EXPIRED, code, channel.validator()).orElseThrow();
      assertEquals(channel.validator(), row.validator());
    }
  }

  @Test
  void verifiedCarriesNoReason() {
    assertTrue(OtpResult.VERIFIED.declinedReason().isEmpty());
    assertTrue(OtpResult.VERIFIED.expiredReason().isEmpty());
  }
}
