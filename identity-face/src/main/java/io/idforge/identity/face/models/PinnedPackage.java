package io.idforge.identity.face.models;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One npm package version the build depends on, pinned by the registry's sha512 integrity of the
 * tarball and by the sha256 of every file we read from it. Only pinned files can be read: a file
 * that is not listed here has not been reviewed and is refused.
 *
 * @param name npm package name, possibly scoped ({@code @scope/name})
 * @param version exact version
 * @param integrity the registry's {@code dist.integrity} ({@code sha512-<base64>})
 * @param fileSha256 path inside the package (without the tarball's {@code package/} root) to the
 *     lower-case hex sha256 of its content
 */
public record PinnedPackage(String name, String version, String integrity,
    Map<String, String> fileSha256) {

  /** face-api: the TF.js weights of the 68-point landmark net and of dlib's descriptor, plus demo photos. */
  public static final PinnedPackage FACE_API = new PinnedPackage("@vladmandic/face-api", "1.7.15",
      "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==",
      Map.ofEntries(
          Map.entry("model/face_landmark_68_model-weights_manifest.json",
              "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9"),
          Map.entry("model/face_landmark_68_model.bin",
              "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b"),
          Map.entry("model/face_recognition_model-weights_manifest.json",
              "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b"),
          Map.entry("model/face_recognition_model.bin",
              "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589"),
          // Group photos without identity labels: test-time only, never committed or shipped.
          Map.entry("demo/sample1.jpg", "8ecae4b267b2d3169e06e00c7dee97097aa2a94635d45216f7732a5f4943cb51"),
          Map.entry("demo/sample2.jpg", "7d2b60ae6f13bf30f422e04df87451081a02c83de469056f25afb44b7000c691"),
          Map.entry("demo/sample3.jpg", "8eb081c9efb14370fa94d9feab9e5fbeafd19a627491853a80c2bf67f7ffa936"),
          Map.entry("demo/sample4.jpg", "729efa5923061d40eb4ed5f267a18cc7b8ba6f852bb2757b16d8b7e4937476fc"),
          Map.entry("demo/sample5.jpg", "6d45095ebb182d8f975c0790e0e4eefd86fbb40609cf4b271776d92e12662938"),
          Map.entry("demo/sample6.jpg", "9baad80f9d5e306fb9b8c0913d44445f1e95848df317530efb03d0934c57ba87")));

  /** faceplugin: only {@code model/fr_detect.onnx} (Linzaer's RFB-320, MIT) is used; its other weights have no provenance. */
  public static final PinnedPackage FACEPLUGIN = new PinnedPackage("faceplugin-face-recognition-js", "0.0.1",
      "sha512-shriXjd4zJHEwhK1jHK+bWo8Vv6Vu9B/w6RRsd4AFtNM/jaI2vhuOamOSMl9qQmLd8WlQ7dgqN+3C2iOi5pXWw==",
      Map.of("model/fr_detect.onnx", "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854"));

  public PinnedPackage {
    Objects.requireNonNull(name);
    Objects.requireNonNull(version);
    if (!integrity.startsWith("sha512-")) {
      throw new IllegalArgumentException("only sha512 integrity is accepted: " + integrity);
    }
    fileSha256 = Map.copyOf(fileSha256);
  }

  /** {@code name@version}, as npm writes it. */
  public String id() {
    return name + "@" + version;
  }

  /** Name without scope: {@code face-api} for {@code @vladmandic/face-api}. */
  public String unscopedName() {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  /** The registry's tarball URL: {@code <registry>/<name>/-/<unscoped>-<version>.tgz}. */
  public URI tarballUri(URI registry) {
    String base = registry.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/" + name + "/-/" + unscopedName() + "-" + version + ".tgz");
  }

  /** Cache file name as npm pack names it: scope flattened, e.g. {@code vladmandic-face-api-1.7.15.tgz}. */
  public String tarballFileName() {
    String flat = name.startsWith("@") ? name.substring(1).replace('/', '-') : name;
    return flat + "-" + version + ".tgz";
  }

  /** The pinned sha256 of a file, or an exception naming the unpinned path. */
  public String sha256Of(String path) {
    String sha = fileSha256.get(path);
    if (sha == null) {
      throw new IllegalArgumentException(path + " is not a pinned file of " + id());
    }
    return sha;
  }
}
