package io.idforge.identity.api.spi;

import java.util.concurrent.Executor;

/**
 * Port for 1:1 face verification: is the person in the selfie the holder of the document? An
 * implementation keeps both images inside the deployment. When no engine is installed the
 * service treats face matching as off: face validations go to manual review, they never pass.
 */
public interface FaceMatcher {

  /** True when an engine is installed, its models are loaded and it can answer. */
  boolean isAvailable();

  /**
   * True while the engine is still loading its models (the service starts loading them in the
   * background so that start-up does not wait for them). Meanwhile {@link #isAvailable()} and
   * {@link #compare} wait for the load to finish; a health check asks this first so that it never
   * waits. Engines that load nothing keep the default.
   */
  default boolean isLoading() {
    return false;
  }

  /**
   * Starts loading the engine on {@code executor} and returns at once, so that start-up does not
   * wait for it. Engines that load nothing keep the default, which does nothing.
   */
  default void loadInBackground(Executor executor) {}

  /** A short name for logs and the admin UI, e.g. {@code onnx-dlib-resnet}. */
  String name();

  /**
   * Compares the face in {@code selfie} with the portrait on {@code documentFront}.
   *
   * @param selfie the user's selfie as uploaded (JPEG or PNG bytes)
   * @param documentFront the front of the identity document as uploaded
   * @throws FaceEngineException when the engine itself fails (not when a face is missing)
   */
  FaceComparison compare(byte[] selfie, byte[] documentFront) throws FaceEngineException;
}
