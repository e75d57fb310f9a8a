package io.idforge.identity.face.engine;

/** Which side of a check a picture is: the face is chosen differently on each. */
public enum Role {
  /** The user's selfie: exactly one face above the size floor. */
  SELFIE,
  /** The document front: the largest face (cards often carry a small ghost portrait too). */
  DOCUMENT
}
