/**
 * In-house 1:1 face verification: the selfie and the document portrait never leave the server.
 *
 * <p>An ONNX Runtime adapter of the {@link io.idforge.identity.api.spi.FaceMatcher} port. Detection
 * uses the Ultra-Light-Fast-Generic-Face-Detector (RFB-320), landmarks the face-api.js 68-point net
 * and the descriptor dlib's ResNet; all three are built into this jar by the project's own build
 * from pinned npm packages (see {@code models}); nothing is downloaded at run time. Without models
 * the engine reports itself off and face validations wait for manual review.
 */
package io.idforge.identity.face;
