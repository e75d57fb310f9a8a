/**
 * One-time codes for phone and e-mail verification: issuing a 6-digit code ({@link
 * io.idforge.identity.core.otp.OneTimeCodes}), the stored challenge that checks it ({@link
 * io.idforge.identity.core.otp.OtpChallenge}, the root of this package), the outcome with its
 * catalogue reason ({@link io.idforge.identity.core.otp.OtpOutcome}) and the localised texts that
 * carry the code ({@link io.idforge.identity.core.otp.OtpMessages}).
 *
 * <p>Layer rule: plain Java with no container types; time comes in as an argument or a {@link
 * java.time.Clock}, the HMAC key is passed in. The code itself exists in clear only in {@link
 * io.idforge.identity.core.otp.IssuedCode} on its way to the sender; challenges store a keyed hash.
 * Sending goes through the provider SPI ({@code io.idforge.identity.api.spi}), not from here.
 */
package io.idforge.identity.core.otp;
