package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.Caller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the hosted pages remember about one browser between requests, small enough for a cookie:
 * the web token's public ids (never the token) and its process id, the chosen language, the
 * notice to show once, who may frame the pages, the event format, the desktop's current hand-off
 * link, the form token that every hosted form posts back (against cross-site posts), and when this
 * state stops being accepted. Immutable; every change is a new value, sealed again by
 * {@link HostedStateCookie}.
 *
 * @param handoffToken the hand-off link's token this desktop shows (a secret of its own, only
 *     ever sealed), or null
 */
record HostedState(
    String clientId,
    String keyName,
    String jti,
    String processId,
    String lang,
    String notice,
    List<String> frameOrigins,
    boolean sdkEvents,
    String handoffToken,
    OffsetDateTime handoffExpires,
    String formToken,
    OffsetDateTime expiresAt) {

  /** A browser that opened no link (or whose state expired or did not verify). */
  static final HostedState NONE = new HostedState(null, null, null, null, null, null, List.of(), false, null, null, null, null);

  /** Layout version of {@link #encode()}: a new layout gets a new number and old cookies are refused. */
  private static final int VERSION = 1;

  HostedState {
    frameOrigins = frameOrigins == null ? List.of() : List.copyOf(frameOrigins);
  }

  boolean linked() {
    return jti != null;
  }

  Optional<Caller> caller() {
    return linked() ? Optional.of(Caller.web(clientId, keyName, jti)) : Optional.empty();
  }

  /** A browser that opened a link: a fresh state, keeping only the language chosen before. */
  static HostedState bound(Caller caller, String processId, FramePolicy frames, boolean sdkEvents, String lang,
      String formToken, OffsetDateTime expiresAt) {
    return new HostedState(caller.clientId(), caller.keyName(), caller.jti(), processId, lang, null, frames.origins(),
        sdkEvents, null, null, formToken, expiresAt);
  }

  HostedState withLang(String l) {
    return new HostedState(clientId, keyName, jti, processId, l, notice, frameOrigins, sdkEvents, handoffToken,
        handoffExpires, formToken, expiresAt);
  }

  HostedState withNotice(String n) {
    return new HostedState(clientId, keyName, jti, processId, lang, n, frameOrigins, sdkEvents, handoffToken,
        handoffExpires, formToken, expiresAt);
  }

  HostedState withHandoff(String token, OffsetDateTime expires) {
    return new HostedState(clientId, keyName, jti, processId, lang, notice, frameOrigins, sdkEvents, token, expires,
        formToken, expiresAt);
  }

  HostedState withExpiry(OffsetDateTime until) {
    return new HostedState(clientId, keyName, jti, processId, lang, notice, frameOrigins, sdkEvents, handoffToken,
        handoffExpires, formToken, until);
  }

  /** The plaintext that is sealed: a compact binary layout (a cookie has about 4 KB). */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      for (String s : new String[] {clientId, keyName, jti, processId, lang, notice, handoffToken, formToken}) {
        writeNullable(out, s);
      }
      out.writeShort(frameOrigins.size());
      for (String origin : frameOrigins) {
        out.writeUTF(origin);
      }
      out.writeBoolean(sdkEvents);
      out.writeLong(handoffExpires == null ? Long.MIN_VALUE : handoffExpires.toEpochSecond());
      out.writeLong(expiresAt.toEpochSecond());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The state of {@link #encode()}'s bytes (they were authenticated before this runs).
   *
   * @throws IOException when the layout is not this version's
   */
  static HostedState decode(byte[] plain) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      if (in.readByte() != VERSION) {
        throw new IOException("another layout version");
      }
      String[] s = new String[8];
      for (int i = 0; i < s.length; i++) {
        s[i] = readNullable(in);
      }
      int origins = in.readShort();
      List<String> frames = new ArrayList<>(origins);
      for (int i = 0; i < origins; i++) {
        frames.add(in.readUTF());
      }
      boolean sdk = in.readBoolean();
      long handoff = in.readLong();
      long expires = in.readLong();
      return new HostedState(s[0], s[1], s[2], s[3], s[4], s[5], frames, sdk, s[6],
          handoff == Long.MIN_VALUE ? null : at(handoff), s[7], at(expires));
    }
  }

  private static OffsetDateTime at(long epochSecond) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
