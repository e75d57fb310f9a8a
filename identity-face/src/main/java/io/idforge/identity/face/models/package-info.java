/**
 * Build-time model supply: fetch the pinned npm tarballs, verify them by checksum, and convert
 * face-api's TF.js weights (landmarks, dlib descriptor) to ONNX graphs written by our own minimal
 * protobuf writer. Runs from Maven ({@code process-classes}); the output lands in the jar under
 * {@code face-models/}.
 */
package io.idforge.identity.face.models;
